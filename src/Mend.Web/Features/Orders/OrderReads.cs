using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Orders;

/// <summary>
/// Reads whole orders in as few queries as they need (issue 21). An order has eight collections; read as one split query
/// that is nine queries whether or not they hold anything, and most orders (out-of-court disposals) hold few or none.
/// </summary>
public static class OrderReads
{
    private sealed record Found(Order Order, bool Requirements, bool Contacts, bool Warnings, bool Breaches, bool Panels, bool Reparation, bool Plan, bool Reviews)
    {
        public bool HoldsAny => Requirements || Contacts || Warnings || Breaches || Panels || Reparation || Plan || Reviews;
    }

    /// <summary>
    /// The orders <paramref name="orders"/> selects, in its order, each with all its collections: one query for the orders
    /// that also says which of their collections hold rows; then, only if some do, one for those orders and one for each
    /// collection that holds rows on any of them. An order whose collections are all empty is complete from the first query.
    /// Read without tracking. A row added between the two queries to an order that had none is not shown, as if the page had
    /// been read a moment earlier (each query reads committed data of its own moment, as the split query did).
    /// </summary>
    public static async Task<List<Order>> LoadAsync(IQueryable<Order> orders, CancellationToken ct)
    {
        var found = await orders.AsNoTracking().IgnoreAutoIncludes()
            .Select(o => new Found(o, o.Requirements.Any(), o.Contacts.Any(), o.Warnings.Any(), o.Breaches.Any(), o.Panels.Any(), o.Reparation.Any(),
                o.Plan.Any(), o.Reviews.Any()))
            .ToListAsync(ct);
        var holding = found.Where(f => f.HoldsAny).ToList();
        if (holding.Count == 0)
        {
            return found.Select(f => f.Order).ToList();
        }

        var ids = holding.Select(f => f.Order.Id).ToList();
        var whole = orders.AsNoTracking().IgnoreAutoIncludes().AsSplitQuery().Where(o => ids.Contains(o.Id));
        whole = holding.Any(f => f.Requirements) ? whole.Include(o => o.Requirements) : whole;
        whole = holding.Any(f => f.Contacts) ? whole.Include(o => o.Contacts) : whole;
        whole = holding.Any(f => f.Warnings) ? whole.Include(o => o.Warnings) : whole;
        whole = holding.Any(f => f.Breaches) ? whole.Include(o => o.Breaches) : whole;
        whole = holding.Any(f => f.Panels) ? whole.Include(o => o.Panels) : whole;
        whole = holding.Any(f => f.Reparation) ? whole.Include(o => o.Reparation) : whole;
        whole = holding.Any(f => f.Plan) ? whole.Include(o => o.Plan) : whole;
        whole = holding.Any(f => f.Reviews) ? whole.Include(o => o.Reviews) : whole;
        var read = await whole.ToDictionaryAsync(o => o.Id, ct);
        return found.Select(f => read.GetValueOrDefault(f.Order.Id) ?? f.Order).ToList();
    }
}
