using Mend.Bench;
using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Auth;

namespace Mend.Tests.Cases;

/// <summary>A caseload longer than a page is sorted by the database and paged, so every case is reached and none twice.</summary>
public sealed class CaseloadPagingTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Fact]
    public async Task Caseload_OfMoreThanAPage_IsSortedByRiskAcrossPages_AndEveryCaseIsOnOnePage()
    {
        var worker = await TestUsers.CreateAsync(factory, [Roles.Practitioner]);
        var folder = Path.Combine(Path.GetTempPath(), $"mend-paging-{Guid.NewGuid():N}");
        try
        {
            // The bench's generator allocates 150 open cases to the worker, in the cases' team.
            Assert.Equal(0, await CaseLoader.RunAsync(Options.Parse(["--provider", factory.Database.IsPostgres ? "postgres" : "sqlite", "--connection", factory.Database.ConnectionString,
                "--scale", "400", "--worker", worker.Id.ToString(), "--key", factory.EncryptionKey, "--out", folder])));
            var client = await SignIn.AsAsync(factory, worker);

            var first = await client.GetPageAsync("/Cases");
            var second = await client.GetPageAsync("/Cases?view=mine&sort=risk&PageNumber=2");
            var beyond = await client.GetPageAsync("/Cases?PageNumber=99");
            // A page number whose offset would overflow is the last page too, not an error.
            Assert.Equal(Rows(beyond).Select(r => r.Reference), Rows(await client.GetPageAsync("/Cases?PageNumber=30000000")).Select(r => r.Reference));

            static List<(string Reference, string Risk)> Rows(AngleSharp.Html.Dom.IHtmlDocument page) =>
                page.QuerySelectorAll("table.govuk-table tbody tr").Select(r => (r.QuerySelector("td a")!.TextContent.Trim(), r.QuerySelectorAll("td")[2].TextContent.Trim())).ToList();
            var (one, two) = (Rows(first), Rows(second));
            Assert.Equal(Mend.Web.Features.Cases.IndexModel.PageSize, one.Count);
            Assert.Contains("Cases 1 to 100 of 150 (page 1 of 2)", first.QuerySelector(".govuk-pagination")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(50, two.Count);
            Assert.Equal(150, one.Concat(two).Select(r => r.Reference).Distinct().Count());
            Assert.Equal(two.Select(r => r.Reference), Rows(beyond).Select(r => r.Reference));

            string[] order = ["Very high", "High", "Medium", "Low", "Not assessed"];
            var ranks = one.Concat(two).Select(r => Array.IndexOf(order, r.Risk)).ToList();
            Assert.DoesNotContain(-1, ranks);
            Assert.Equal(ranks.Order(), ranks);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
