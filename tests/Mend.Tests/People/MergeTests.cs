using System.Net;
using System.Net.Http.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Cases;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.People;

public sealed class MergeTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Fact]
    public async Task Merge_MovesTheCasesNamesAndWarnings_ClosesTheDuplicate_AndIsAudited()
    {
        var manager = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Manager]));
        var family = "Merge" + Guid.NewGuid().ToString("N")[..5];
        var keep = await PeopleTests.AddPersonAsync(manager, "Rebecca", family, "9", "9", "2011");
        var duplicate = await PeopleTests.AddPersonAsync(manager, "Becky", family, "9", "9", "2011", ("Input.Phone", "07700 900 123"));
        var flagged = await manager.SubmitAsync($"/People/Flags/{duplicate}", [new("Type", "SafeguardingConcern")], $"/People/Flags/{duplicate}?handler=Raise");
        Assert.Equal(HttpStatusCode.Redirect, flagged.StatusCode);
        var today = factory.Clock.GetUtcNow().UtcDateTime;
        var typeId = await factory.WithDbAsync(db => db.OffenceTypes.Select(t => t.Id).FirstAsync());
        var referred = await manager.SubmitAsync($"/Cases/Refer?youngPersonId={duplicate}",
        [
            ("YoungPersonId", duplicate.ToString()), ("Input.Source", "School"), ("Input.ReceivedOn.Day", today.Day.ToString()), ("Input.ReceivedOn.Month", today.Month.ToString()),
            ("Input.ReceivedOn.Year", today.Year.ToString()), ("Input.ReferrerName", "Head of year"), ("Input.Jurisdiction", "EnglandAndWales"), ("Input.OffenceTypeId", typeId.ToString()),
            ("Input.OffenceDate.Day", today.Day.ToString()), ("Input.OffenceDate.Month", today.Month.ToString()), ("Input.OffenceDate.Year", today.Year.ToString()),
        ]);
        var caseId = Guid.Parse(referred.Headers.Location!.OriginalString.Split('/').Last());
        var safeguarding = await manager.PostAsJsonAsync("/api/v1/safeguarding-referrals", new
        {
            personId = duplicate,
            caseId,
            madeOn = today.ToString("yyyy-MM-dd"),
            agency = "ChildrensServices",
            reason = "Disclosed neglect at home",
            followUpOn = today.AddDays(2).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Created, safeguarding.StatusCode);

        var noReason = await manager.SubmitAsync($"/People/Merge/{keep}", [new("Name", family), new("DuplicateId", duplicate.ToString())], $"/People/Merge/{keep}?handler=Merge");
        Assert.Contains("Enter why these records are the same person", (await Html.ParseAsync(noReason)).ErrorSummary());

        var merged = await manager.SubmitAsync($"/People/Merge/{keep}", [new("Name", family), new("DuplicateId", duplicate.ToString()), new("Reason", "Same date of birth and school")], $"/People/Merge/{keep}?handler=Merge");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        Assert.Equal(keep, await factory.WithDbAsync(db => db.CaseParticipants.Where(p => p.CaseId == caseId && p.Role == ParticipantRole.YoungPerson).Select(p => p.PersonId).SingleAsync()));
        var kept = await factory.WithDbAsync(db => db.People.AsNoTracking().AsSplitQuery().SingleAsync(p => p.Id == keep));
        Assert.Contains(kept.Aliases, a => a.Name == $"Becky {family}");
        Assert.Contains(kept.Flags, f => f.IsActive && f.Type == Mend.Web.Features.People.FlagType.SafeguardingConcern);
        // The open safeguarding referral follows the record kept, so its follow-up is not lost.
        Assert.Equal(keep, await factory.WithDbAsync(db => db.SafeguardingReferrals.Where(r => r.CaseId == caseId).Select(r => r.PersonId).SingleAsync()));
        Assert.NotNull((await manager.GetPageAsync("/Safeguarding?show=all")).QuerySelector($"#open a[href^='/Safeguarding/']"));
        Assert.Equal("07700 900 123", kept.Phone);
        var page = await manager.GetPageAsync($"/People/{duplicate}");
        Assert.Contains("This record was merged into another", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/People/{keep}']"));
        var search = await Html.ParseAsync(await manager.SubmitAsync("/People", ("Name", $"Becky {family}")));
        Assert.Null(search.QuerySelector($"#search-results a[href='/People/{duplicate}']"));
        Assert.NotNull(search.QuerySelector($"#search-results a[href='/People/{keep}']"));
        Assert.Equal(2, await factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.Merge && (e.SubjectPersonId == keep || e.SubjectPersonId == duplicate))));
    }

    [Fact]
    public async Task Merge_IsForManagersOnly()
    {
        var practitioner = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var id = await PeopleTests.AddPersonAsync(practitioner, "Pat", "Solo");
        var response = await practitioner.GetAsync($"/People/Merge/{id}");
        Assert.Equal("/Errors/403", response.Headers.Location?.AbsolutePath);
    }
}
