using Microsoft.EntityFrameworkCore.Metadata;

namespace Mend.Web.Data;

/// <summary>Puts entities read by separate queries together, as EF Core's split queries do, for queries read in a <see cref="QueryBatch"/>.</summary>
public static class Navigations
{
    /// <summary>
    /// Adds each of <paramref name="children"/> to the collection navigation <paramref name="navigation"/> of its parent among
    /// <paramref name="parents"/> (matched by the navigation's foreign key), in the children's order; children of other parents
    /// are left out, and every parent's collection exists afterwards, empty if none of the children is its.
    /// </summary>
    public static void Fill<TParent, TChild>(IModel model, IEnumerable<TParent> parents, string navigation, IEnumerable<TChild> children)
        where TParent : class
        where TChild : class
    {
        var found = model.FindEntityType(typeof(TParent))?.FindNavigation(navigation) ?? throw new ArgumentException($"{typeof(TParent).Name} has no navigation {navigation}", nameof(navigation));
        var foreignKey = found.ForeignKey.Properties.Single().PropertyInfo!;
        var principalKey = found.ForeignKey.PrincipalKey.Properties.Single().PropertyInfo!;
        var accessor = found.GetCollectionAccessor()!;
        var byKey = new Dictionary<object, TParent>();
        foreach (var parent in parents)
        {
            accessor.GetOrCreate(parent, forMaterialization: true);
            byKey.TryAdd(principalKey.GetValue(parent)!, parent);
        }

        foreach (var child in children)
        {
            if (foreignKey.GetValue(child) is { } key && byKey.TryGetValue(key, out var parent))
            {
                accessor.Add(parent, child, forMaterialization: true);
            }
        }
    }
}
