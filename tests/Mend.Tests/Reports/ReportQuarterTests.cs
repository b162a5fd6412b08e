using Mend.Web.Features.Reports;

namespace Mend.Tests.Reports;

/// <summary>Financial-year quarters as the YJB labels its returns, at their boundaries.</summary>
public sealed class ReportQuarterTests
{
    [Theory]
    [InlineData("2026-Q1", 2026, 4, 1, 2026, 6, 30, "2026/27 Q1")]
    [InlineData("2026-Q3", 2026, 10, 1, 2026, 12, 31, "2026/27 Q3")]
    [InlineData("2026-q4", 2027, 1, 1, 2027, 3, 31, "2026/27 Q4")]
    [InlineData("1999-Q4", 0, 0, 0, 0, 0, 0, null)]
    [InlineData("2026-Q5", 0, 0, 0, 0, 0, 0, null)]
    [InlineData("2026Q1", 0, 0, 0, 0, 0, 0, null)]
    [InlineData("", 0, 0, 0, 0, 0, 0, null)]
    public void AQuarter_RunsFromAprilInThreeMonthSteps(string text, int sy, int sm, int sd, int ey, int em, int ed, string? label)
    {
        var (quarter, error) = ReportQuarter.Parse(text);
        if (label is null)
        {
            Assert.Null(quarter);
            Assert.NotNull(error);
            return;
        }

        Assert.Equal(new DateOnly(sy, sm, sd), quarter!.Starts);
        Assert.Equal(new DateOnly(ey, em, ed), quarter.Ends);
        Assert.Equal(label, quarter.Label);
    }

    [Theory]
    [InlineData(2026, 3, 31, "2025-Q4")]
    [InlineData(2026, 4, 1, "2026-Q1")]
    [InlineData(2026, 9, 30, "2026-Q2")]
    [InlineData(2026, 12, 31, "2026-Q3")]
    [InlineData(2027, 1, 1, "2026-Q4")]
    public void ADay_FallsInItsQuarter(int y, int m, int d, string code)
    {
        var day = new DateOnly(y, m, d);
        var quarter = ReportQuarter.Of(day);
        Assert.Equal(code, quarter.Code);
        Assert.True(quarter.Contains(day));
    }
}
