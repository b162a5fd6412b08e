using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Mend.Web.Features.Reports;

namespace Mend.Tests.Reports;

/// <summary>Exports a spreadsheet can open safely, and the charts' proportions.</summary>
public sealed class ReportExportTests
{
    private static readonly ReportTable Table = new("Referrals: by source/kind", ["Source", "Count", "Rate"],
    [
        ["=HYPERLINK(\"http://evil\")", 3, 12.5m],
        ["+1", 0, null],
        ["-2", 1, null],
        ["@SUM(A1)", 2, null],
        ["Police", -4, null],
    ]);

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+44 1534", "'+44 1534")]
    [InlineData("-x", "'-x")]
    [InlineData("@me", "'@me")]
    [InlineData("\tx", "'\tx")]
    [InlineData("Police", "Police")]
    [InlineData("", "")]
    public void TextThatWouldStartAFormula_IsEscaped(string text, string written) => Assert.Equal(written, ReportExport.Neutralise(text));

    [Fact]
    public void TheCsv_EscapesFormulaText_ButNotNumbers()
    {
        var csv = System.Text.Encoding.UTF8.GetString(ReportExport.Csv([Table]));
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\",3,12.5", csv, StringComparison.Ordinal);
        Assert.Contains("'+1,0,", csv, StringComparison.Ordinal);
        Assert.Contains("Police,-4,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWorkbook_HasASheetPerTable_WithTextAsTextAndNumbersAsNumbers()
    {
        using var stream = new MemoryStream();
        await ReportExport.XlsxAsync([Table, Table, Table with { Name = "Referrals by source and by kind, a long name" }], stream, default);
        stream.Position = 0;
        using var workbook = SpreadsheetDocument.Open(stream, false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Referrals  by source kind", "Referrals  by source kind (2)", "Referrals by source and by kind"], sheets.Select(s => s.Name!.Value));
        var part = (WorksheetPart)workbook.WorkbookPart.GetPartById(sheets[0].Id!);
        var cells = part.Worksheet.Descendants<Cell>().ToList();
        Assert.Empty(part.Worksheet.Descendants<CellFormula>());
        Assert.Contains(cells, c => c.InnerText == "'=HYPERLINK(\"http://evil\")");
        Assert.Contains(cells, c => c.InnerText == "12.5" && (c.DataType is null || c.DataType.Value == CellValues.Number));
    }

    [Fact]
    public void ABar_IsInProportionToTheLargest_AndNeverVanishesAboveZero()
    {
        var chart = new BarChart("c", "t", [new("a", 1000), new("b", 1), new("c", 0), new("d", 500)]);
        Assert.Equal(540, chart.Length(1000));
        Assert.Equal(270, chart.Length(500));
        Assert.Equal(2, chart.Length(1));
        Assert.Equal(0, chart.Length(0));
        Assert.Equal(0, new BarChart("e", "t", [new("a", 0)]).Length(0));
        Assert.Contains("&lt;b&gt;", new BarChart("f", "t", [new("<b>", 1)]).Svg().ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new int[0], null)]
    [InlineData(new[] { 4 }, 4.0)]
    [InlineData(new[] { 9, 1, 5 }, 5.0)]
    [InlineData(new[] { 1, 2, 3, 10 }, 2.5)]
    public void TheMedianWait_IsTheMiddleOne_OrTheMeanOfTheMiddleTwo(int[] days, double? median) => Assert.Equal(median, ServiceReport.Median(days));
}
