using Microsoft.AspNetCore.Mvc;

namespace Mend.Web.Features.Reports;

/// <summary>A report's tables as a download from a page: CSV, or an XLSX workbook (see <see cref="ReportExport"/>).</summary>
public static class ReportFile
{
    public static async Task<FileContentResult> ForAsync(string format, string name, IReadOnlyList<ReportTable> tables, CancellationToken ct)
    {
        if (format == "csv")
        {
            return new FileContentResult(ReportExport.Csv(tables), "text/csv") { FileDownloadName = name + ".csv" };
        }

        using var stream = new MemoryStream();
        await ReportExport.XlsxAsync(tables, stream, ct);
        return new FileContentResult(stream.ToArray(), ReportExport.XlsxType) { FileDownloadName = name + ".xlsx" };
    }
}
