using System.Globalization;
using SpreadCheetah;

namespace Mend.Web.Features.Reports;

/// <summary>
/// Writes report tables as CSV (one block per table, a blank line between) or as an XLSX workbook (one sheet per table,
/// streamed by SpreadCheetah). A text cell that a spreadsheet would read as a formula (starting =, +, -, @, tab or carriage
/// return) is written with a leading apostrophe, in both.
/// </summary>
public static class ReportExport
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Text made safe to open in a spreadsheet: a leading formula character is escaped with an apostrophe.</summary>
    public static string Neutralise(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    public static byte[] Csv(IEnumerable<ReportTable> tables)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvHelper.CsvWriter(text, CultureInfo.InvariantCulture))
        {
            var first = true;
            foreach (var table in tables)
            {
                if (!first)
                {
                    csv.NextRecord();
                }

                first = false;
                csv.WriteField(Neutralise(table.Name));
                csv.NextRecord();
                foreach (var heading in table.Headings)
                {
                    csv.WriteField(Neutralise(heading));
                }

                csv.NextRecord();
                foreach (var row in table.Rows)
                {
                    foreach (var cell in row)
                    {
                        csv.WriteField(cell switch
                        {
                            null => "",
                            string s => Neutralise(s),
                            IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
                            _ => Neutralise(cell.ToString() ?? ""),
                        });
                    }

                    csv.NextRecord();
                }
            }
        }

        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    public static async Task XlsxAsync(IEnumerable<ReportTable> tables, Stream output, CancellationToken ct)
    {
        await using var workbook = await Spreadsheet.CreateNewAsync(output, cancellationToken: ct);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in tables)
        {
            await workbook.StartWorksheetAsync(SheetName(table.Name, names), new SpreadCheetah.Worksheets.WorksheetOptions { FrozenRows = 1 }, ct);
            await workbook.AddHeaderRowAsync(table.Headings.Select(Neutralise).ToList(), token: ct);
            foreach (var row in table.Rows)
            {
                await workbook.AddRowAsync(row.Select(cell => cell switch
                {
                    null => new DataCell((string?)null),
                    int n => new DataCell(n),
                    long n => new DataCell(n),
                    decimal d => new DataCell(d),
                    double d => new DataCell(d),
                    string s => new DataCell(Neutralise(s)),
                    _ => new DataCell(Neutralise(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "")),
                }).ToList(), ct);
            }
        }

        await workbook.FinishAsync(ct);
    }

    /// <summary>A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook.</summary>
    private static string SheetName(string name, HashSet<string> taken)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c) ? ' ' : c).ToArray()).Trim('\'', ' ');
        clean = clean.Length == 0 ? "Sheet" : clean[..Math.Min(clean.Length, 31)];
        var candidate = clean;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = clean[..Math.Min(clean.Length, 31 - suffix.Length)] + suffix;
        }

        return candidate;
    }
}
