using System.Collections.Concurrent;
using System.Text;
using Mend.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mend.Web.Platform.Audit;

/// <summary>
/// Multi-row INSERT statements for many rows of an entity, with the table, columns, names and value conversions of Mend's own
/// EF Core model (so the rows are exactly those EF Core would write), without change tracking. Used where rows come by the
/// thousand (view records, seals): one statement, so one round trip, for up to <see cref="MostParameters"/> values, and as many
/// more as the rows need beyond that (the providers refuse more parameters in one statement: SQLite 32,766, PostgreSQL 65,535).
/// </summary>
public static class MultiRowInsert
{
    /// <summary>Values one statement carries at most, under SQLite's limit of 32,766 parameters.</summary>
    public const int MostParameters = 30_000;

    // The model is built once per provider, so its entity types are the keys; each shape is worked out once.
    private static readonly ConcurrentDictionary<IEntityType, Shape> Shapes = new();

    /// <summary>How many statements <paramref name="rows"/> rows of <typeparamref name="T"/> take: 1 unless they carry more than <see cref="MostParameters"/> values.</summary>
    public static int StatementsFor<T>(MendDb db, int rows)
        where T : class
    {
        var shape = ShapeOf<T>(db);
        return rows == 0 ? 0 : (rows + shape.RowsPerStatement - 1) / shape.RowsPerStatement;
    }

    /// <summary>Inserts <paramref name="rows"/> on <paramref name="db"/>'s open connection, in its current transaction if it has one.</summary>
    public static async Task ExecuteAsync<T>(MendDb db, IReadOnlyList<T> rows, CancellationToken ct = default)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var shape = ShapeOf<T>(db);
        for (var first = 0; first < rows.Count; first += shape.RowsPerStatement)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var text = new StringBuilder(shape.Prefix);
            var n = 0;
            for (var r = first; r < Math.Min(rows.Count, first + shape.RowsPerStatement); r++)
            {
                text.Append(r == first ? "(" : ", (");
                for (var c = 0; c < shape.Columns.Length; c++)
                {
                    var column = shape.Columns[c];
                    n++;
                    command.Parameters.Add(column.Mapping.CreateParameter(command, shape.Positional ? "" : "p" + n, column.Getter.GetClrValue(rows[r]), column.Property.IsNullable));
                    text.Append(c == 0 ? "" : ", ").Append(shape.Placeholder).Append(n);
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static Shape ShapeOf<T>(MendDb db) =>
        Shapes.GetOrAdd(db.Model.FindEntityType(typeof(T))!, static (entity, context) =>
        {
            var sql = context.GetService<ISqlGenerationHelper>();
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = entity.GetProperties().Where(p => p.ValueGenerated != ValueGenerated.OnAdd)
                .Select(p => new Column(p, p.GetGetter(), (RelationalTypeMapping)p.GetRelationalTypeMapping())).ToArray();
            var prefix = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
                .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!))).Append(") VALUES ").ToString();
            // On PostgreSQL the values are positional ($1, $2 ...), so Npgsql sends the text as it is instead of parsing it to
            // rewrite named parameters (a cost that grows with the statement: about a seventh of the view writer's own time; issue 21).
            // SQLite names them as the provider does ("@p1", "@p2" ...).
            var positional = context.Database.IsNpgsql();
            var placeholder = positional ? "$" : sql.GenerateParameterNamePlaceholder("p");
            return new Shape(prefix, placeholder, positional, columns, Math.Max(1, MostParameters / columns.Length));
        }, db);

    private sealed record Column(IProperty Property, IClrPropertyGetter Getter, RelationalTypeMapping Mapping);

    /// <param name="Placeholder">What goes before each value's number in the text: "$" (positional) or the provider's "@p".</param>
    private sealed record Shape(string Prefix, string Placeholder, bool Positional, Column[] Columns, int RowsPerStatement);
}
