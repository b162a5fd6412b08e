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
    internal sealed record Found(Order Order, OrderParts Parts);

    /// <summary>
    /// The orders <paramref name="orders"/> selects, in its order, each with all its collections. One query reads the orders and
    /// which of their collections hold rows; only if some do, one more reads those orders again by id with the collections
    /// that hold rows on any of them (on PostgreSQL in one statement, as JSON: decision 0020; on SQLite a query for each).
    /// An order whose collections are all empty is complete from the first query. Each query reads what is committed at its
    /// own moment, as a split query's do: a row added in between to an order or a collection the first query found empty is
    /// not shown (as if read a moment earlier), and an order gone in between is left out.
    /// </summary>
    public static async Task<List<Order>> LoadAsync(QueryBatch batch, MendDb db, IQueryable<Order> orders, CancellationToken ct)
    {
        var reading = Read(batch, db, orders);
        await batch.RunAsync(ct);
        reading.Next(batch);
        await batch.RunAsync(ct);
        return reading.Orders;
    }

    /// <summary>
    /// <see cref="LoadAsync"/> in steps, for reads batched with others: the first read is added to <paramref name="reads"/>;
    /// once it has run, <see cref="Reading.Next"/> adds the second (if any) to a batch; once that has run, <see cref="Reading.Orders"/>.
    /// </summary>
    public static Reading Read(QueryBatch reads, MendDb db, IQueryable<Order> orders) => new(db, reads.Add(orders.AsNoTracking().IgnoreAutoIncludes()
        .Select(o => new Found(o, new OrderParts(o.Requirements.Any(), o.Contacts.Any(), o.Warnings.Any(), o.Breaches.Any(), o.Panels.Any(),
            o.Reparation.Any(), o.Plan.Any(), o.Reviews.Any())))));

    /// <summary>Orders being read in steps (<see cref="Read"/>).</summary>
    public sealed class Reading
    {
        private readonly MendDb _db;
        private readonly QueryBatch.Pending<Found> _first;
        private Func<Dictionary<Guid, Order>>? _second;
        private List<Order>? _orders;

        internal Reading(MendDb db, QueryBatch.Pending<Found> first) => (_db, _first) = (db, first);

        /// <summary>How many orders the first read found (a page of orders is full when this is its length).</summary>
        public int Found => _first.Rows.Count;

        /// <summary>The cases of the orders the first read found.</summary>
        public IReadOnlyCollection<Guid> CaseIds => _first.Rows.Select(f => f.Order.CaseId).Distinct().ToList();

        /// <summary>After the first read: adds the read of the orders that hold something, if any does, to <paramref name="reads"/>.</summary>
        public void Next(QueryBatch reads)
        {
            var holding = _first.Rows.Where(f => f.Parts.Any).ToList();
            if (holding.Count == 0)
            {
                _second = () => [];
                return;
            }

            var ids = holding.Select(f => f.Order.Id).ToArray();
            if (_db.Database.IsNpgsql())
            {
                var json = reads.Add(_db.Database.SqlQueryRaw<string>(OrdersAsJson(_db.Model), new Npgsql.NpgsqlParameter("ids", ids)));
                _second = () =>
                {
                    using var document = System.Text.Json.JsonDocument.Parse(json.Rows.Single());
                    return EntityJson.Entities<Order>(_db.Model, document.RootElement).ToDictionary(o => o.Id);
                };
            }
            else
            {
                var parts = new OrderParts(holding.Any(f => f.Parts.Requirements), holding.Any(f => f.Parts.Contacts), holding.Any(f => f.Parts.Warnings),
                    holding.Any(f => f.Parts.Breaches), holding.Any(f => f.Parts.Panels), holding.Any(f => f.Parts.Reparation), holding.Any(f => f.Parts.Plan),
                    holding.Any(f => f.Parts.Reviews));
                var read = reads.Add(parts.Include(_db.Orders.Where(o => ids.Contains(o.Id))));
                _second = () => read.Rows.ToDictionary(o => o.Id);
            }
        }

        /// <summary>After the second read: the orders, in the first read's order, each with all its collections.</summary>
        public List<Order> Orders => _orders ??= Whole();

        private List<Order> Whole()
        {
            var read = (_second ?? throw new InvalidOperationException("Call Next, and run its batch, first."))();
            return _first.Rows.Where(f => !f.Parts.Any || read.ContainsKey(f.Order.Id)).Select(f => f.Parts.Any ? read[f.Order.Id] : f.Order).ToList();
        }
    }

    private static string? _ordersAsJson;

    /// <summary>The orders whose ids are <c>@ids</c>, each with all eight collections, as one JSON array (one text, planned once).</summary>
    private static string OrdersAsJson(Microsoft.EntityFrameworkCore.Metadata.IModel model) => _ordersAsJson ??=
        $"SELECT coalesce(jsonb_agg({EntityJson.RowWith<Order>(model, "o", nameof(Order.Requirements), nameof(Order.Contacts), nameof(Order.Warnings),
            nameof(Order.Breaches), nameof(Order.Panels), nameof(Order.Reparation), nameof(Order.Plan), nameof(Order.Reviews))}), '[]') AS \"Value\" "
        + $"FROM {EntityJson.Table<Order>(model)} o WHERE o.{EntityJson.Column<Order>(model, nameof(Order.Id))} = ANY(@ids)";
}
