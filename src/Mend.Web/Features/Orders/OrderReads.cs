using Mend.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Mend.Web.Features.Orders;

/// <summary>
/// Which of an order's eight collections hold rows, on some set of orders (a case's, or a caseload's), so that a read
/// includes only those (issue 21). Read as one split query, an order and its collections is nine queries whether or not they
/// hold anything, and most orders (out-of-court disposals) hold few or none.
/// </summary>
public sealed record OrderParts(bool Requirements, bool Contacts, bool Warnings, bool Breaches, bool Panels, bool Reparation, bool Plan, bool Reviews)
{
    public bool Any => Requirements || Contacts || Warnings || Breaches || Panels || Reparation || Plan || Reviews;

    /// <summary>
    /// <paramref name="orders"/>, without tracking, with the collections these parts name (one more query each, in the order
    /// their rows were added) and the others left empty: correct when they hold nothing on these orders, as the parts say.
    /// </summary>
    public IQueryable<Order> Include(IQueryable<Order> orders)
    {
        var whole = orders.AsNoTracking().IgnoreAutoIncludes().AsSplitQuery();
        whole = Requirements ? whole.Include(o => o.Requirements.OrderBy(x => x.Id)) : whole;
        whole = Contacts ? whole.Include(o => o.Contacts.OrderBy(x => x.Id)) : whole;
        whole = Warnings ? whole.Include(o => o.Warnings.OrderBy(x => x.Id)) : whole;
        whole = Breaches ? whole.Include(o => o.Breaches.OrderBy(x => x.Id)) : whole;
        whole = Panels ? whole.Include(o => o.Panels.OrderBy(x => x.Id)) : whole;
        whole = Reparation ? whole.Include(o => o.Reparation.OrderBy(x => x.Id)) : whole;
        whole = Plan ? whole.Include(o => o.Plan.OrderBy(x => x.Id)) : whole;
        return Reviews ? whole.Include(o => o.Reviews.OrderBy(x => x.Id)) : whole;
    }
}

/// <summary>Reads whole orders in as few queries as they need, when which collections hold rows is not known beforehand.</summary>
public static class OrderReads
{
    private sealed record Found(Order Order, OrderParts Parts);

    /// <summary>
    /// The orders <paramref name="orders"/> selects, in its order, each with all its collections. One query reads the orders and
    /// which of their collections hold rows; only if some do, one more reads those orders again by id with one query for each
    /// collection that holds rows on any of them. An order whose collections are all empty is complete from the first query.
    /// Each query reads what is committed at its own moment, as a split query's do: a row added in between to an order or a
    /// collection the first query found empty is not shown (as if read a moment earlier), and an order gone in between is left out.
    /// </summary>
    public static async Task<List<Order>> LoadAsync(MendDb db, IQueryable<Order> orders, CancellationToken ct)
    {
        var found = await orders.AsNoTracking().IgnoreAutoIncludes()
            .Select(o => new Found(o, new OrderParts(o.Requirements.Any(), o.Contacts.Any(), o.Warnings.Any(), o.Breaches.Any(), o.Panels.Any(),
                o.Reparation.Any(), o.Plan.Any(), o.Reviews.Any())))
            .ToListAsync(ct);
        var holding = found.Where(f => f.Parts.Any).ToList();
        if (holding.Count == 0)
        {
            return found.Select(f => f.Order).ToList();
        }

        var parts = new OrderParts(holding.Any(f => f.Parts.Requirements), holding.Any(f => f.Parts.Contacts), holding.Any(f => f.Parts.Warnings),
            holding.Any(f => f.Parts.Breaches), holding.Any(f => f.Parts.Panels), holding.Any(f => f.Parts.Reparation), holding.Any(f => f.Parts.Plan),
            holding.Any(f => f.Parts.Reviews));
        var ids = holding.Select(f => f.Order.Id).ToList();
        var read = await parts.Include(db.Orders.Where(o => ids.Contains(o.Id))).ToDictionaryAsync(o => o.Id, ct);
        return found.Where(f => !f.Parts.Any || read.ContainsKey(f.Order.Id)).Select(f => f.Parts.Any ? read[f.Order.Id] : f.Order).ToList();
    }
}
