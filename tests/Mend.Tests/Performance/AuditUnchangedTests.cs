using Mend.Tests.Infrastructure;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Performance;

/// <summary>
/// The case page and the case API record exactly what they recorded before the round-trip work of issue 21, for every demo case
/// from a bare referral to one with orders, processes and victims: one view row per person on the case (people who have left it are
/// not shown, so not recorded), each naming the case, for the reason "Case work", by the user (and the token, for the API);
/// a single row for the case when nobody is on it (decision 0008); and nothing else. The caseload records no views, as before.
/// </summary>
public sealed class AuditUnchangedTests(RoundTripFactory factory) : IClassFixture<RoundTripFactory>
{
    private sealed record Row(AuditAction Action, string EntityType, string? EntityId, Guid? Subject, string? Purpose, Guid? Actor, bool ByToken);

    [Fact]
    public async Task CasePage_AndCaseApi_RecordOneViewPerPersonShown_AndNothingElse()
    {
        var teams = await factory.WithDbAsync(db => db.Cases.GroupBy(c => c.TeamId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        var team = teams.OrderByDescending(t => t.Count).First().Key;
        var manager = await TestUsers.CreateAsync(factory, [Roles.Manager], teamId: team);
        var page = await SignIn.AsAsync(factory, manager);
        var api = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        api.DefaultRequestHeaders.Authorization = new("Bearer", await TestUsers.IssueTokenAsync(factory, manager.Id, [ApiScopes.ReadCases]));
        // A case with someone who has left it: they are not shown, so not recorded.
        var left = await factory.WithDbAsync(async db =>
        {
            var participant = await db.CaseParticipants.Where(p => db.Cases.Any(c => c.Id == p.CaseId && c.TeamId == team) && p.Role != Mend.Web.Features.Cases.ParticipantRole.YoungPerson && p.EndedAt == null).FirstAsync();
            participant.End(factory.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            return participant.CaseId;
        });
        var ids = await factory.WithDbAsync(db => db.Cases.Where(c => c.TeamId == team).Select(c => c.Id).ToListAsync());
        Assert.Contains(left, ids);

        foreach (var id in ids)
        {
            var shown = await factory.WithDbAsync(db => db.CaseParticipants.Where(p => p.CaseId == id && p.EndedAt == null).Select(p => (Guid?)p.PersonId).Distinct().ToListAsync());
            var expected = (shown.Count == 0 ? [null] : shown).Select(s => new Row(AuditAction.View, "Case", id.ToString(), s, "Case work", manager.Id, false)).OrderBy(r => r.Subject).ToList();

            var fromPage = await RowsOfAsync(await page.GetAsync($"/Cases/{id}"));
            Assert.Equal(expected, fromPage);
            var fromApi = await RowsOfAsync(await api.GetAsync($"/api/v1/cases/{id}"));
            Assert.Equal(expected.Select(r => r with { ByToken = true }), fromApi);
        }

        Assert.Empty(await RowsOfAsync(await page.GetAsync("/Cases?View=team")));
    }

    /// <summary>The audit rows the answer's request wrote, found by its correlation id (committed before the answer was sent: decision 0016).</summary>
    private async Task<IReadOnlyList<Row>> RowsOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var correlation = response.Headers.GetValues("X-Correlation-Id").Single();
        var rows = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.CorrelationId == correlation)
            .Select(e => new Row(e.Action, e.EntityType, e.EntityId, e.SubjectPersonId, e.Purpose, e.ActorUserId, e.ApiTokenId != null))
            .ToListAsync());
        return rows.OrderBy(r => r.Subject).ToList();
    }
}
