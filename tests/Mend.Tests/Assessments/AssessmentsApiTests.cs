using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Infrastructure;
using Mend.Web.Features.Assessments;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Mend.Tests.Assessments;

/// <summary>Assessments and the gate through the API, with the same rules as the pages.</summary>
public sealed class AssessmentsApiTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private Task<HttpClient> SignInAsync(string role) =>
        TestUsers.CreateAsync(factory, [role]).ContinueWith(u => SignIn.AsAsync(factory, u.Result)).Unwrap();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static Task<HttpResponseMessage> ReadinessAsync(HttpClient client, Guid caseId, string kind, params Guid[] people) =>
        client.PostAsJsonAsync($"/api/v1/cases/{caseId}/process-readiness", new { kind, personIds = people });

    [Fact]
    public async Task Gate_ListsExactlyWhatIsMissing_UntilEveryoneHasAnApprovedAssessmentForThatKind()
    {
        var practitioner = await SignInAsync(Roles.Practitioner);
        var c = await AssessmentCase.CreateAsync(factory, practitioner);

        var before = await JsonAsync(await ReadinessAsync(practitioner, c.CaseId, "DirectConference", c.YoungPersonId, c.VictimId));
        Assert.False(before.GetProperty("ready").GetBoolean());
        var missing = before.GetProperty("missing").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Equal(2, missing.Count);
        Assert.All(missing, m => Assert.EndsWith("has no approved assessment", m, StringComparison.Ordinal));

        foreach (var (person, young) in new[] { (c.YoungPersonId, true), (c.VictimId, false) })
        {
            var (id, version) = await AssessmentCase.CompletedDraftAsync(factory, practitioner, c.CaseId, person, young);
            var submitted = await AssessmentCase.PostWithVersionAsync(practitioner, $"/api/v1/assessments/{id}/submit", version);
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
            Assert.Equal("Approved", (await JsonAsync(submitted)).GetProperty("status").GetString());
        }

        var conference = await JsonAsync(await ReadinessAsync(practitioner, c.CaseId, "DirectConference", c.YoungPersonId, c.VictimId));
        Assert.True(conference.GetProperty("ready").GetBoolean(), conference.ToString());
        var shuttle = await JsonAsync(await ReadinessAsync(practitioner, c.CaseId, "ShuttleOrIndirect", c.YoungPersonId, c.VictimId));
        Assert.False(shuttle.GetProperty("ready").GetBoolean());
        Assert.Contains(shuttle.GetProperty("missing").EnumerateArray(), m => m.GetString()!.EndsWith("does not find a shuttle or indirect communication suitable", StringComparison.Ordinal));

        var stranger = await JsonAsync(await ReadinessAsync(practitioner, c.CaseId, "Letter", c.YoungPersonId, Guid.NewGuid()));
        Assert.Contains(stranger.GetProperty("missing").EnumerateArray(), m => m.GetString()!.Contains("is not taking part in this case", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gate_NewOffenceAfterApproval_MakesTheAssessmentOutOfDate_AndSaysWhy()
    {
        var practitioner = await SignInAsync(Roles.Practitioner);
        var c = await AssessmentCase.CreateAsync(factory, practitioner);
        var (id, version) = await AssessmentCase.CompletedDraftAsync(factory, practitioner, c.CaseId, c.VictimId, youngPerson: false);
        Assert.Equal(HttpStatusCode.OK, (await AssessmentCase.PostWithVersionAsync(practitioner, $"/api/v1/assessments/{id}/submit", version)).StatusCode);
        Assert.True((await JsonAsync(await ReadinessAsync(practitioner, c.CaseId, "Letter", c.VictimId))).GetProperty("ready").GetBoolean());

        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var typeId = await factory.WithDbAsync(db => db.OffenceTypes.Where(t => t.Name == "Criminal damage").Select(t => t.Id).SingleAsync());
        var offence = await practitioner.SubmitAsync($"/Cases/AddOffence/{c.CaseId}",
            ("OffenceTypeId", typeId.ToString()), ("CommittedOn.Day", factory.Clock.GetUtcNow().AddDays(-4).Day.ToString()),
            ("CommittedOn.Month", factory.Clock.GetUtcNow().AddDays(-4).Month.ToString()), ("CommittedOn.Year", factory.Clock.GetUtcNow().AddDays(-4).Year.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, offence.StatusCode);

        var after = await JsonAsync(await ReadinessAsync(practitioner, c.CaseId, "Letter", c.VictimId));
        Assert.False(after.GetProperty("ready").GetBoolean());
        var reason = Assert.Single(after.GetProperty("missing").EnumerateArray()).GetString()!;
        Assert.Contains("assessment is out of date: an offence (Criminal damage) was added to the case after it was submitted", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeriousOffence_WaitsForAManager_WhoCannotApproveTheirOwn_AndAnotherManagerApproves()
    {
        var practitioner = await SignInAsync(Roles.Practitioner);
        var c = await AssessmentCase.CreateAsync(factory, practitioner, "Wounding or inflicting grievous bodily harm");
        var (id, version) = await AssessmentCase.CompletedDraftAsync(factory, practitioner, c.CaseId, c.VictimId, youngPerson: false);

        var submitted = await JsonAsync(await AssessmentCase.PostWithVersionAsync(practitioner, $"/api/v1/assessments/{id}/submit", version));
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.Contains(submitted.GetProperty("approvalReasons").EnumerateArray(), r => r.GetString()!.Contains("grievous bodily harm", StringComparison.Ordinal));
        version = submitted.GetProperty("version").GetInt32();

        var selfApproval = await AssessmentCase.PostWithVersionAsync(practitioner, $"/api/v1/assessments/{id}/approve", version);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, selfApproval.StatusCode);
        Assert.Contains("needs a manager's approval", (await JsonAsync(selfApproval)).GetProperty("title").GetString(), StringComparison.Ordinal);

        var manager = await SignInAsync(Roles.Manager);
        var queue = await JsonAsync(await manager.GetAsync("/api/v1/assessments/awaiting-approval"));
        Assert.Contains(queue.EnumerateArray(), q => q.GetProperty("id").GetGuid() == id);

        var noIfMatch = await manager.PostAsJsonAsync($"/api/v1/assessments/{id}/approve", new { conditions = "Advanced facilitator" });
        Assert.Equal(HttpStatusCode.PreconditionRequired, noIfMatch.StatusCode);
        var stale = await AssessmentCase.PostWithVersionAsync(manager, $"/api/v1/assessments/{id}/approve", version - 1, new { conditions = "x" });
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        var approved = await AssessmentCase.PostWithVersionAsync(manager, $"/api/v1/assessments/{id}/approve", version, new { conditions = "Advanced facilitator" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var body = await JsonAsync(approved);
        Assert.Equal("Approved", body.GetProperty("status").GetString());
        Assert.Equal("Advanced facilitator", body.GetProperty("conditions").GetString());
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == nameof(Assessment) && e.EntityId == id.ToString() && e.Action == AuditAction.Update)));
    }

    [Fact]
    public async Task ManagersOwnSeriousAssessment_CannotBeApprovedByThemselves()
    {
        var manager = await SignInAsync(Roles.Manager);
        var c = await AssessmentCase.CreateAsync(factory, manager, "Sexual assault");
        var (id, version) = await AssessmentCase.CompletedDraftAsync(factory, manager, c.CaseId, c.VictimId, youngPerson: false);
        var submitted = await JsonAsync(await AssessmentCase.PostWithVersionAsync(manager, $"/api/v1/assessments/{id}/submit", version));

        var own = await AssessmentCase.PostWithVersionAsync(manager, $"/api/v1/assessments/{id}/approve", submitted.GetProperty("version").GetInt32());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, own.StatusCode);
        Assert.Contains("cannot approve their own", (await JsonAsync(own)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(AssessmentStatus.Submitted, await factory.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Answers_Invalid_GiveFieldErrors_AndChangeNothing_AndApprovedCannotBeEdited()
    {
        var practitioner = await SignInAsync(Roles.Practitioner);
        var c = await AssessmentCase.CreateAsync(factory, practitioner);
        var started = await practitioner.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/assessments", new { personId = c.VictimId });
        var id = (await JsonAsync(started)).GetProperty("id").GetGuid();

        var bad = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/assessments/{id}/answers")
        {
            Content = JsonContent.Create(new
            {
                expectations = "Wants an apology",
                risks = new { factors = new[] { new { factor = "PhysicalHarm", rating = "High", note = (string?)null } } },
                recommendation = new { overallRisk = "Low", recommendation = "Proceed", reasons = "ok", reviewOn = factory.Clock.GetUtcNow().AddYears(2).ToString("yyyy-MM-dd") },
            }),
        };
        bad.Headers.IfMatch.Add(started.Headers.ETag!);
        var refused = await practitioner.SendAsync(bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await JsonAsync(refused)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("risks.physicalHarmNote", out _));
        Assert.True(errors.TryGetProperty("risks.emotionalHarm", out _));
        Assert.Contains("within 12 months", errors.GetProperty("recommendation.reviewOn")[0].GetString(), StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).Select(a => a.ExpectationsCiphertext).SingleAsync()));

        var (approvedId, version) = await AssessmentCase.CompletedDraftAsync(factory, practitioner, c.CaseId, c.YoungPersonId, youngPerson: true);
        var approved = await AssessmentCase.PostWithVersionAsync(practitioner, $"/api/v1/assessments/{approvedId}/submit", version);
        var edit = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/assessments/{approvedId}/answers") { Content = JsonContent.Create(new { expectations = "Changed later" }) };
        edit.Headers.IfMatch.Add(approved.Headers.ETag!);
        var editRefused = await practitioner.SendAsync(edit);
        Assert.Equal(HttpStatusCode.BadRequest, editRefused.StatusCode);
        Assert.Contains("approved assessment cannot be changed", (await JsonAsync(editRefused)).GetProperty("errors").GetProperty("assessment")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhileADraftExists_Is409_PointingAtIt_AndReassessmentSupersedesOnApproval()
    {
        var practitioner = await SignInAsync(Roles.Practitioner);
        var c = await AssessmentCase.CreateAsync(factory, practitioner);
        var (first, version) = await AssessmentCase.CompletedDraftAsync(factory, practitioner, c.CaseId, c.VictimId, youngPerson: false);

        var again = await practitioner.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/assessments", new { personId = c.VictimId });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(first, (await JsonAsync(again)).GetProperty("existingDraftId").GetGuid());

        await AssessmentCase.PostWithVersionAsync(practitioner, $"/api/v1/assessments/{first}/submit", version);
        var (second, secondVersion) = await AssessmentCase.CompletedDraftAsync(factory, practitioner, c.CaseId, c.VictimId, youngPerson: false);
        Assert.Equal(AssessmentStatus.Approved, await factory.WithDbAsync(db => db.Assessments.Where(a => a.Id == first).Select(a => a.Status).SingleAsync()));
        await AssessmentCase.PostWithVersionAsync(practitioner, $"/api/v1/assessments/{second}/submit", secondVersion);

        var list = await JsonAsync(await practitioner.GetAsync($"/api/v1/cases/{c.CaseId}/assessments"));
        var mine = list.EnumerateArray().Where(a => a.GetProperty("personId").GetGuid() == c.VictimId).ToList();
        Assert.Equal(["Superseded", "Approved"], mine.Select(a => a.GetProperty("status").GetString()!));
        Assert.Equal([1, 2], mine.Select(a => a.GetProperty("number").GetInt32()));
    }

    [Fact]
    public async Task Get_IsAudited_AsAViewOfThePersonsData_AndAnotherTeamGets404()
    {
        var practitioner = await SignInAsync(Roles.Practitioner);
        var c = await AssessmentCase.CreateAsync(factory, practitioner);
        var (id, _) = await AssessmentCase.CompletedDraftAsync(factory, practitioner, c.CaseId, c.VictimId, youngPerson: false);

        var read = await practitioner.GetAsync($"/api/v1/assessments/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("Hopes to put things right", (await JsonAsync(read)).GetProperty("expectations").GetString());
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.View && e.EntityId == id.ToString() && e.SubjectPersonId == c.VictimId)));

        var team = Mend.Web.Features.Staff.Team.Create("Other " + Guid.NewGuid().ToString("N")[..6]);
        await factory.WithDbAsync(async db => { db.Teams.Add(team); return await db.SaveChangesAsync(); });
        var outsider = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner], teamId: team.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/assessments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ReadinessAsync(outsider, c.CaseId, "Letter", c.VictimId)).StatusCode);
    }

    [Fact]
    public async Task Approve_AfterANewWarning_IsRefusedAsOutOfDate_AndASupersededVersionCannotBeApproved()
    {
        var practitioner = await SignInAsync(Roles.Practitioner);
        var manager = await SignInAsync(Roles.Manager);
        var c = await AssessmentCase.CreateAsync(factory, practitioner, "Sexual assault");
        var (id, version) = await AssessmentCase.CompletedDraftAsync(factory, practitioner, c.CaseId, c.VictimId, youngPerson: false);
        var submitted = await JsonAsync(await AssessmentCase.PostWithVersionAsync(practitioner, $"/api/v1/assessments/{id}/submit", version));

        // Someone on the case in two roles (here also as a supporter) is one person: their warning is one reason.
        await factory.WithDbAsync(db =>
        {
            db.CaseParticipants.Add(Mend.Web.Features.Cases.CaseParticipant.Join(c.CaseId, c.YoungPersonId, Mend.Web.Features.Cases.ParticipantRole.Supporter, factory.Clock.GetUtcNow().UtcDateTime));
            return db.SaveChangesAsync();
        });
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var flagged = await practitioner.SubmitAsync($"/People/Flags/{c.YoungPersonId}", [new("Type", "SafeguardingConcern"), new("Note", "Referred to children's services")], $"/People/Flags/{c.YoungPersonId}?handler=Raise");
        Assert.Equal(HttpStatusCode.Redirect, flagged.StatusCode);
        var noHandler = await practitioner.SubmitAsync($"/People/Flags/{c.YoungPersonId}", ("Type", "SafeguardingConcern"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, noHandler.StatusCode);
        var outOfDate = await AssessmentCase.PostWithVersionAsync(manager, $"/api/v1/assessments/{id}/approve", submitted.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outOfDate.StatusCode);
        var title = (await JsonAsync(outOfDate)).GetProperty("title").GetString()!;
        Assert.Contains("out of date and cannot be approved: a warning (safeguarding concern) was recorded for Kai Morgan", title, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(title, "was recorded for Kai Morgan"));

        var reassessment = await practitioner.PostAsJsonAsync($"/api/v1/cases/{c.CaseId}/assessments", new { personId = c.VictimId });
        Assert.Equal(HttpStatusCode.Created, reassessment.StatusCode);
        var old = await JsonAsync(await manager.GetAsync($"/api/v1/assessments/{id}"));
        Assert.Equal("Superseded", old.GetProperty("status").GetString());
        var superseded = await AssessmentCase.PostWithVersionAsync(manager, $"/api/v1/assessments/{id}/approve", old.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, superseded.StatusCode);
        Assert.Contains("superseded", (await JsonAsync(superseded)).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_NeedsReasons_ThenTheAssessorChangesAndResubmits()
    {
        var practitioner = await SignInAsync(Roles.Practitioner);
        var manager = await SignInAsync(Roles.Manager);
        var c = await AssessmentCase.CreateAsync(factory, practitioner);
        var (id, version) = await AssessmentCase.CompletedDraftAsync(factory, practitioner, c.CaseId, c.VictimId, youngPerson: false, overallRisk: "High");
        var submitted = await JsonAsync(await AssessmentCase.PostWithVersionAsync(practitioner, $"/api/v1/assessments/{id}/submit", version));
        Assert.Contains(submitted.GetProperty("approvalReasons").EnumerateArray(), r => r.GetString() == "The overall risk is high");
        version = submitted.GetProperty("version").GetInt32();

        var noReasons = await AssessmentCase.PostWithVersionAsync(manager, $"/api/v1/assessments/{id}/return", version, new { reasons = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReasons.StatusCode);
        var returned = await AssessmentCase.PostWithVersionAsync(manager, $"/api/v1/assessments/{id}/return", version, new { reasons = "Say what support the victim will have" });
        var body = await JsonAsync(returned);
        Assert.Equal("Returned", body.GetProperty("status").GetString());
        Assert.Equal("Say what support the victim will have", body.GetProperty("returnReasons").GetString());

        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/assessments/{id}/answers") { Content = JsonContent.Create(new { processes = new { suitable = new[] { "Letter" }, noneSuitable = false, venue = "YotOffice", safetyMeasures = "Victim Support worker attends" } }) };
        patch.Headers.IfMatch.Add(returned.Headers.ETag!);
        var changed = await JsonAsync(await practitioner.SendAsync(patch));
        Assert.Equal("Draft", changed.GetProperty("status").GetString());
        var resubmitted = await AssessmentCase.PostWithVersionAsync(practitioner, $"/api/v1/assessments/{id}/submit", changed.GetProperty("version").GetInt32());
        Assert.Equal("Submitted", (await JsonAsync(resubmitted)).GetProperty("status").GetString());
    }
}
