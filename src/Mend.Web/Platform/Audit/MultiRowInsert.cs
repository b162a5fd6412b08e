using System.Data.Common;
using System.Text;
using Mend.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mend.Web.Platform.Audit;

/// <summary>
/// One INSERT statement for many rows of an entity, with the table, columns, names and value conversions of Mend's own EF Core
/// model (so the rows are exactly those EF Core would write), without change tracking: one round trip however many rows.
/// Used where rows come by the thousand (view records, seals). Rows times columns must stay under the providers' parameter
/// limits (PostgreSQL 65,535; SQLite 32,766).
/// </summary>
public static class MultiRowInsert
{
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
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!))).Append(") VALUES ");
        var n = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
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
