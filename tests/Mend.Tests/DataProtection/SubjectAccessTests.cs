using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mend.Tests.Assessments;
using Mend.Tests.Infrastructure;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.DataProtection;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Encryption;
using Mend.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Mend.Tests.DataProtection;

/// <summary>Subject-access deadlines at their boundaries, checked against the sources in the policy's table.</summary>
public sealed class SubjectAccessDeadlineTests
{
    private static DateOnly D(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // UK GDPR: to the same date next month, the last day of a shorter month, then the next working day (ICO).
    [InlineData(AccessRegime.UkGdpr, "2027-01-05", null, false, "2027-02-05")]
    [InlineData(AccessRegime.UkGdpr, "2027-01-31", null, false, "2027-03-01")] // 28 February 2027 is a Sunday
    [InlineData(AccessRegime.UkGdpr, "2028-01-31", null, false, "2028-02-29")] // a leap year's last day of February, a Tuesday
    [InlineData(AccessRegime.UkGdpr, "2027-04-30", null, false, "2027-06-01")] // Sunday 30 May, then the spring bank holiday
    [InlineData(AccessRegime.UkGdpr, "2026-11-25", null, false, "2026-12-29")] // Christmas Day, the weekend and Boxing Day's substitute
    [InlineData(AccessRegime.UkGdpr, "2027-01-05", "2027-01-20", false, "2027-02-22")] // from the identity evidence; Saturday 20th moves on
    [InlineData(AccessRegime.UkGdpr, "2027-01-31", null, true, "2027-04-30")] // extended: three months from the same start
    // DPA 2018 Part 3: one month beginning with the start day, no move to a working day (s.54).
    [InlineData(AccessRegime.LawEnforcement, "2027-01-05", null, false, "2027-02-04")]
    [InlineData(AccessRegime.LawEnforcement, "2027-01-31", null, false, "2027-02-28")]
    [InlineData(AccessRegime.LawEnforcement, "2027-03-01", null, false, "2027-03-31")]
    [InlineData(AccessRegime.LawEnforcement, "2027-01-05", null, true, "2027-04-04")]
    // Jersey: four weeks from identity confirmed, twelve with the extension.
    [InlineData(AccessRegime.Jersey, "2027-01-04", "2027-01-05", false, "2027-02-02")]
    [InlineData(AccessRegime.Jersey, "2027-01-04", "2027-01-05", true, "2027-03-30")]
    public void TheDeadline_FollowsItsRegimesRule(AccessRegime regime, string received, string? identity, bool extended, string due)
    {
        var start = SubjectAccessDeadline.StartOn(regime, D(received), identity is null ? null : D(identity))!.Value;
        Assert.Equal(D(due), SubjectAccessDeadline.DueOn(regime, start, extended, WorkingDays.Shipped));
    }

    [Fact]
    public void InJersey_TheClockWaitsForIdentity() =>
        Assert.Null(SubjectAccessDeadline.StartOn(AccessRegime.Jersey, D("2027-01-04"), null));

    [Fact]
    public void EveryRegime_HasOneRuleWithItsSource() =>
        Assert.All(Enum.GetValues<AccessRegime>(), r => Assert.Contains("20", SubjectAccessDeadline.For(r).Source, StringComparison.Ordinal));

    [Fact]
    public void AnExtension_IsRefusedOnceTheFirstPeriodHasEnded()
    {
        var request = SubjectAccessRequest.Receive(Guid.NewGuid(), "The person", AccessRegime.UkGdpr, D("2027-01-05"), null, D("2027-01-05"), WorkingDays.Shipped, "Officer", DateTime.UtcNow);
        var late = Assert.Throws<Mend.Web.Platform.DomainRuleException>(() => request.Extend("Many records", D("2027-02-06"), WorkingDays.Shipped));
        Assert.Contains("first period has ended", late.Message, StringComparison.Ordinal);
        request.Extend("Many records across three cases", D("2027-02-05"), WorkingDays.Shipped);
        Assert.Equal(D("2027-04-05"), request.DueOn);
    }
}

/// <summary>A data protection officer takes a subject-access request from receipt to release, on both databases.</summary>
public sealed class SubjectAccessTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static string Marker() => "Zq" + new string(Guid.NewGuid().ToByteArray().Take(8).Select(b => (char)('a' + (b % 26))).ToArray());

    /// <summary>A case with a young person (the requester) and a victim; a note naming the victim; a letter sent (a disclosure).</summary>
    private async Task<(Guid CaseId, Guid YoungPersonId, Guid VictimId, string Marker)> CaseAsync()
    {
        var marker = Marker();
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var c = await AssessmentCase.CreateAsync(factory, client);
        var victimId = await AssessmentCase.AddVictimAsync(factory, client, c.CaseId, "Robin", marker);
        var templates = await JsonAsync(await client.GetAsync("/api/v1/document-templates"));
        var templateId = templates.EnumerateArray().Single(t => t.GetProperty("key").GetString() == "young-person-rj-invitation").GetProperty("id").GetInt32();
        var documentId = (await JsonAsync(await client.PostAsJsonAsync("/api/v1/documents", new { templateId, subject = "Case", subjectId = c.CaseId }))).GetProperty("id").GetGuid();
        var send = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/documents/{documentId}/sent") { Content = JsonContent.Create(new { method = "ByHand", recipient = "The young person's mother" }) };
        send.Headers.IfMatch.ParseAdd("*");
        Assert.True((await client.SendAsync(send)).IsSuccessStatusCode);
        await factory.WithScopeAsync(async services =>
        {
            services.GetRequiredService<AuditActor>().ActAsSystem("test");
            var db = services.GetRequiredService<MendDb>();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            db.CaseNotes.Add(CaseNote.Write(c.CaseId, new NoteDetails(NoteType.PhoneCall, now, "Kai", $"Kai said sorry to Robin {marker} and wants to meet"),
                services.GetRequiredService<FieldEncryption>(), Guid.NewGuid(), "Test worker", now));
            await db.SaveChangesAsync();
        });
        return (c.CaseId, c.YoungPersonId, victimId, marker);
    }

    private async Task<HttpClient> OfficerAsync() => await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.DataProtectionOfficer]));

    private async Task<HttpResponseMessage> StepAsync(HttpClient client, Guid id, string handler, params (string Name, string Value)[] fields)
    {
        var version = await factory.WithDbAsync(db => db.SubjectAccessRequests.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        return await client.SubmitAsync($"/DataProtection/Requests/{id}", [new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))], $"/DataProtection/Requests/{id}?handler={handler}");
    }

    private static async Task DoneAsync(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join(" ", (await Html.ParseAsync(response)).ErrorSummary()));

    [Fact]
    public async Task AnOfficerInAnotherTeam_FindsEveryoneByName_InFull_WhereAPractitionerThereSeesARestrictedRecord()
    {
        var c = await CaseAsync();
        var elsewhere = Mend.Web.Features.Staff.Team.Create("Elsewhere " + Guid.NewGuid().ToString("N")[..6]);
        await factory.WithDbAsync(async db => { db.Add(elsewhere); await db.SaveChangesAsync(); return 0; });
        var officer = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.DataProtectionOfficer], teamId: elsewhere.Id));
        var practitioner = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner], teamId: elsewhere.Id));

        // A data protection officer answers for the whole service: the person is shown whichever team's case they are on.
        var found = await Html.ParseAsync(await officer.SubmitAsync("/DataProtection/People", ("Name", "Robin " + c.Marker)));
        var link = found.QuerySelector($"#results a[href='/DataProtection/People/{c.VictimId}']");
        Assert.Equal($"Robin {c.Marker}", link?.TextContent);

        var search = await JsonAsync(await practitioner.PostAsJsonAsync("/api/v1/people/search", new { name = "Robin " + c.Marker }));
        var row = search.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == c.VictimId);
        Assert.True(row.GetProperty("restricted").GetBoolean());
        Assert.Equal("Restricted record", row.GetProperty("name").GetString());
    }

    [Fact]
    public async Task AnOfficer_TakesARequestFromReceiptToRelease_WithOtherPeopleWithheld_AndASecondOfficersSignOff()
    {
        var c = await CaseAsync();
        var officer = await OfficerAsync();
        var second = await OfficerAsync();

        var found = await Html.ParseAsync(await officer.SubmitAsync("/DataProtection/People", ("Name", "Robin " + c.Marker)));
        Assert.True(found.QuerySelector("#results") is not null, found.QuerySelector("main")?.TextContent);
        Assert.Contains($"/DataProtection/People/{c.VictimId}", found.QuerySelector("#results")!.InnerHtml, StringComparison.Ordinal);
        var held = await officer.GetPageAsync($"/DataProtection/People/{c.YoungPersonId}");
        Assert.Contains("The young person's mother", held.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Robin {c.Marker}", held.Body!.TextContent, StringComparison.Ordinal);

        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var received = today.AddDays(-2);
        var recorded = await officer.SubmitAsync($"/DataProtection/Requests/New?personId={c.YoungPersonId}", ("PersonId", c.YoungPersonId.ToString()),
            ("Input.RequestedBy", "The person themselves"), ("Input.Regime", "UkGdpr"),
            ("Input.ReceivedOn.Day", received.Day.ToString()), ("Input.ReceivedOn.Month", received.Month.ToString()), ("Input.ReceivedOn.Year", received.Year.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var id = Guid.Parse(recorded.Headers.Location!.OriginalString.Split('/').Last());
        var page = await officer.GetPageAsync($"/DataProtection/Requests/{id}");
        var due = SubjectAccessDeadline.DueOn(AccessRegime.UkGdpr, received, false, WorkingDays.Shipped);
        Assert.Contains(due.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), page.QuerySelector("#deadline")!.TextContent, StringComparison.Ordinal);
        var suggestions = page.QuerySelectorAll("#suggestions input").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Contains($"Robin {c.Marker}", suggestions);

        await DoneAsync(await StepAsync(officer, id, "Redact", [.. suggestions.Select(s => ("Chosen", s)), ("ChosenReason", "OtherPersonsData"), ("OwnText", "mother"), ("OwnReason", "OtherPersonsData")]));
        await DoneAsync(await StepAsync(officer, id, "Prepare"));

        var ownSignOff = await StepAsync(officer, id, "SignOff");
        Assert.Contains("another data protection officer must sign it off", string.Join(" ", (await Html.ParseAsync(ownSignOff)).ErrorSummary()), StringComparison.Ordinal);
        var early = await StepAsync(second, id, "Release", ("ReleaseMethod", "Secure e-mail"), ("ReleasedOn.Day", today.Day.ToString()), ("ReleasedOn.Month", today.Month.ToString()), ("ReleasedOn.Year", today.Year.ToString()));
        Assert.Contains("must be signed off before it is released", string.Join(" ", (await Html.ParseAsync(early)).ErrorSummary()), StringComparison.Ordinal);

        var zip = await second.GetAsync($"/DataProtection/Requests/{id}?handler=Bundle");
        Assert.Equal("application/zip", zip.Content.Headers.ContentType!.MediaType);
        using (var archive = new ZipArchive(new MemoryStream(await zip.Content.ReadAsByteArrayAsync())))
        {
            Assert.Contains(archive.Entries, e => e.FullName.StartsWith("files/", StringComparison.Ordinal) && e.FullName.EndsWith(".pdf", StringComparison.Ordinal));
            var text = new List<string>();
            foreach (var entry in archive.Entries)
            {
                using var memory = new MemoryStream();
                await using (var stream = entry.Open())
                {
                    await stream.CopyToAsync(memory);
                }

                using var pdf = PdfDocument.Open(memory.ToArray());
                text.Add(string.Join(" ", pdf.GetPages().Select(p => p.Text)));
            }

            var all = string.Join(" ", text);
            Assert.Contains("What we hold about you", all, StringComparison.Ordinal);
            Assert.Contains("[withheld: another person's information]", all, StringComparison.Ordinal);
            Assert.DoesNotContain(c.Marker, all, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("mother", all, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Kai said sorry to", all, StringComparison.Ordinal);
        }

        await DoneAsync(await StepAsync(second, id, "SignOff"));
        var noMethod = await StepAsync(second, id, "Release", ("ReleaseMethod", ""), ("ReleasedOn.Day", today.Day.ToString()), ("ReleasedOn.Month", today.Month.ToString()), ("ReleasedOn.Year", today.Year.ToString()));
        Assert.Contains("Enter how the bundle was sent", string.Join(" ", (await Html.ParseAsync(noMethod)).ErrorSummary()), StringComparison.Ordinal);
        await DoneAsync(await StepAsync(second, id, "Release", ("ReleaseMethod", "Secure e-mail"), ("ReleasedOn.Day", today.Day.ToString()), ("ReleasedOn.Month", today.Month.ToString()), ("ReleasedOn.Year", today.Year.ToString())));

        var disclosures = await factory.WithDbAsync(db => db.Disclosures.AsNoTracking().Where(d => d.PersonId == c.YoungPersonId).ToListAsync());
        Assert.Contains(disclosures, d => d.Kind == DisclosureKind.SubjectAccess && d.Recipient == "The person themselves" && d.Method == "Secure e-mail");
        Assert.Contains(disclosures, d => d.Kind == DisclosureKind.Document && d.Recipient == "The young person's mother");
        var actions = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.EntityId == id.ToString() && e.SubjectPersonId == c.YoungPersonId).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditAction.Create, actions);
        Assert.Contains(AuditAction.Export, actions);
        Assert.Contains(AuditAction.Download, actions);
        Assert.Contains(AuditAction.Disclosure, actions);

        var log = await officer.GetPageAsync("/DataProtection/Disclosures");
        Assert.True(log.QuerySelector("#disclosures") is not null, log.QuerySelector("main")?.TextContent);
        Assert.Contains("Subject access release", log.QuerySelector("#disclosures")!.TextContent, StringComparison.Ordinal);
        var csv = await (await officer.GetAsync("/DataProtection/Disclosures?handler=Csv")).Content.ReadAsStringAsync();
        Assert.Contains("The young person's mother", csv, StringComparison.Ordinal);
        var theirs = await (await officer.GetAsync($"/DataProtection/Disclosures?handler=Csv&PersonId={c.VictimId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("The young person's mother", theirs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneWithoutTheOfficersRole_CannotSeeOrDownloadABundle()
    {
        var c = await CaseAsync();
        var officer = await OfficerAsync();
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var recorded = await officer.SubmitAsync($"/DataProtection/Requests/New?personId={c.YoungPersonId}", ("PersonId", c.YoungPersonId.ToString()),
            ("Input.RequestedBy", "The person"), ("Input.Regime", "LawEnforcement"),
            ("Input.ReceivedOn.Day", today.Day.ToString()), ("Input.ReceivedOn.Month", today.Month.ToString()), ("Input.ReceivedOn.Year", today.Year.ToString()));
        var id = Guid.Parse(recorded.Headers.Location!.OriginalString.Split('/').Last());
        await DoneAsync(await StepAsync(officer, id, "Prepare"));

        foreach (var role in new[] { Roles.Manager, Roles.Practitioner, Roles.Administrator })
        {
            var other = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [role]));
            var refused = await other.GetAsync($"/DataProtection/Requests/{id}?handler=Bundle");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/Errors/403", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.False(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityId == id.ToString() && e.Action == AuditAction.Download)));
    }

    [Fact]
    public async Task ARequestWithoutItsDetails_IsRefusedOnEachField_AndNothingIsRecorded_AndJerseyWaitsForIdentity()
    {
        var c = await CaseAsync();
        var officer = await OfficerAsync();
        var future = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(3);
        var refused = await officer.SubmitAsync($"/DataProtection/Requests/New?personId={c.YoungPersonId}", ("PersonId", c.YoungPersonId.ToString()),
            ("Input.RequestedBy", ""), ("Input.ReceivedOn.Day", future.Day.ToString()), ("Input.ReceivedOn.Month", future.Month.ToString()), ("Input.ReceivedOn.Year", future.Year.ToString()));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Enter who made the request", string.Join(" ", (await Html.ParseAsync(refused)).ErrorSummary()), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.SubjectAccessRequests.AnyAsync(r => r.PersonId == c.YoungPersonId)));

        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var jersey = await officer.SubmitAsync($"/DataProtection/Requests/New?personId={c.YoungPersonId}", ("PersonId", c.YoungPersonId.ToString()),
            ("Input.RequestedBy", "The person"), ("Input.Regime", "Jersey"),
            ("Input.ReceivedOn.Day", today.Day.ToString()), ("Input.ReceivedOn.Month", today.Month.ToString()), ("Input.ReceivedOn.Year", today.Year.ToString()));
        var id = Guid.Parse(jersey.Headers.Location!.OriginalString.Split('/').Last());
        var page = await officer.GetPageAsync($"/DataProtection/Requests/{id}");
        Assert.Contains("starts when their identity is confirmed", page.QuerySelector("#deadline")!.TextContent, StringComparison.Ordinal);
        await DoneAsync(await StepAsync(officer, id, "Identity", ("IdentityConfirmedOn.Day", today.Day.ToString()), ("IdentityConfirmedOn.Month", today.Month.ToString()), ("IdentityConfirmedOn.Year", today.Year.ToString())));
        Assert.Equal(today.AddDays(28), await factory.WithDbAsync(db => db.SubjectAccessRequests.Where(r => r.Id == id).Select(r => r.DueOn).SingleAsync()));

        // While the request is answered, nothing about the person is disposed of (DPA 2018 s.173).
        await factory.WithScopeAsync(async services =>
        {
            services.GetRequiredService<AuditActor>().ActAsSystem("test");
            var db = services.GetRequiredService<MendDb>();
            var @case = await db.Cases.SingleAsync(x => x.Id == c.CaseId);
            @case.Accept(null, "Test manager", factory.Clock.GetUtcNow().UtcDateTime);
            @case.Close(ClosureReason.Completed, null, factory.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            var item = (await services.GetRequiredService<RetentionDue>().OnAsync(today.AddYears(40), default)).Single(i => i.RecordType == DisposalRecordType.Case && i.RecordId == c.CaseId);
            Assert.True(item.OpenRequest);
            Assert.True(item.IsKept);
        });
    }
}
