using System.Data.Common;
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

    /// <summary>Inserts <paramref name="rows"/> on <paramref name="db"/>'s open connection, in its current transaction if it has one.</summary>
    public static async Task ExecuteAsync<T>(MendDb db, IReadOnlyList<T> rows, CancellationToken ct = default)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.ValueGenerated != ValueGenerated.OnAdd).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var perStatement = Math.Max(1, MostParameters / columns.Count);
        for (var first = 0; first < rows.Count; first += perStatement)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
                .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!))).Append(") VALUES ");
            var n = 0;
            for (var r = first; r < Math.Min(rows.Count, first + perStatement); r++)
            {
                text.Append(r == first ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = "p" + n++;
                    var mapping = (RelationalTypeMapping)columns[c].GetRelationalTypeMapping();
                    command.Parameters.Add(mapping.CreateParameter(command, name, columns[c].GetGetter().GetClrValue(rows[r]), columns[c].IsNullable));
                    text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
