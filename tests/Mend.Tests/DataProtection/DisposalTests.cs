using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mend.Tests.Assessments;
using Mend.Tests.Infrastructure;
using Mend.Web.Data;
using Mend.Web.Features.Cases;
using Mend.Web.Features.DataProtection;
using Mend.Web.Platform.Audit;
using Mend.Web.Platform.Auth;
using Mend.Web.Platform.Encryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mend.Tests.DataProtection;

/// <summary>
/// Disposal under the retention schedule, on both databases: listed, reviewed by a data protection officer, approved by a
/// second person, erased with everything on the case; legal holds stop it; afterwards nothing in Mend (search, API, files,
/// audit trail, the database's own files or rows) identifies the people, and the audit trail still verifies.
/// </summary>
public sealed class DisposalTests(MendFactory factory) : IClassFixture<MendFactory>
{
    private sealed record ClosedCase(Guid CaseId, string Reference, Guid YoungPersonId, Guid VictimId, string Marker, Guid DocumentId, Guid AttachmentId, Guid AssessmentId);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>
    /// A case closed <paramref name="closedYearsAgo"/> years ago, with an adult young person (so "until 25" has passed), a
    /// victim with a victim's record, a note, a file, a letter sent to a named person, and an assessment. Every name
    /// carries one random marker, so any trace of them can be searched for afterwards.
    /// </summary>
    private async Task<ClosedCase> ClosedCaseAsync(int closedYearsAgo = 7)
    {
        var marker = "Zq" + new string(Guid.NewGuid().ToByteArray().Take(10).Select(b => (char)('a' + (b % 26))).ToArray());
        var client = await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [Roles.Practitioner]));
        var now = factory.Clock.GetUtcNow();
        var person = await JsonAsync(await client.PostAsJsonAsync("/api/v1/people", new { kind = "Individual", givenName = "Kai", familyName = marker, dateOfBirth = now.AddYears(-16).ToString("yyyy-MM-dd") }));
        var youngPersonId = person.GetProperty("id").GetGuid();
        var typeId = await factory.WithDbAsync(db => db.OffenceTypes.Where(t => t.Name == "Theft from a shop").Select(t => t.Id).SingleAsync());
        var referral = await client.PostAsJsonAsync("/api/v1/referrals", new
        {
            youngPersonId,
            source = "Police",
            receivedOn = now.AddDays(-2).ToString("yyyy-MM-dd"),
            referrerName = "PC Ray",
            offenceTypeId = typeId,
            offenceDate = now.AddDays(-5).ToString("yyyy-MM-dd"),
        });
        Assert.True(referral.StatusCode == HttpStatusCode.Created, await referral.Content.ReadAsStringAsync());
        var caseId = (await JsonAsync(referral)).GetProperty("id").GetGuid();
        var victimId = await AssessmentCase.AddVictimAsync(factory, client, caseId, "Sam", marker + "v");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/victims/{victimId}", new { source = "PolicePassedDetails", receivedOn = now.AddDays(-1).ToString("yyyy-MM-dd") })).StatusCode);
        var (assessmentId, _) = await AssessmentCase.CompletedDraftAsync(factory, client, caseId, youngPersonId, youngPerson: true);

        var templates = await JsonAsync(await client.GetAsync("/api/v1/document-templates"));
        var templateId = templates.EnumerateArray().Single(t => t.GetProperty("key").GetString() == "young-person-rj-invitation").GetProperty("id").GetInt32();
        var made = await client.PostAsJsonAsync("/api/v1/documents", new { templateId, subject = "Case", subjectId = caseId });
        Assert.True(made.StatusCode == HttpStatusCode.Created, await made.Content.ReadAsStringAsync());
        var documentId = (await JsonAsync(made)).GetProperty("id").GetGuid();
        var send = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/documents/{documentId}/sent") { Content = JsonContent.Create(new { method = "ByHand", recipient = $"Kai {marker} at home" }) };
        send.Headers.IfMatch.ParseAdd("*");
        var sent = await client.SendAsync(send);
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());

        var attachmentId = Guid.Empty;
        var reference = "";
        await factory.WithScopeAsync(async services =>
        {
            services.GetRequiredService<AuditActor>().ActAsSystem("test");
            var db = services.GetRequiredService<MendDb>();
            var at = now.UtcDateTime;
            db.CaseNotes.Add(CaseNote.Write(caseId, new NoteDetails(NoteType.PhoneCall, at, "Kai", $"Spoke to Kai {marker} about the meeting"), services.GetRequiredService<FieldEncryption>(), Guid.NewGuid(), "Test worker", at));
            var file = Attachment.Store(caseId, new AttachmentFile($"statement-{marker}.pdf", "application/pdf", Encoding.ASCII.GetBytes($"%PDF-1.4 statement by Sam {marker}v")), null, Guid.NewGuid(), "Test worker", at);
            db.Attachments.Add(file);
            attachmentId = file.Id;
            var visit = Mend.Web.Features.Visits.Visit.Make(new(caseId, youngPersonId, null, Mend.Web.Features.Visits.VisitPlace.Home, $"1 {marker} Street, Exampletown",
                at.AddYears(-closedYearsAgo).AddDays(-40), at.AddYears(-closedYearsAgo).AddDays(-40).AddHours(1), Guid.NewGuid(), "Buddy", null, null, null), Guid.NewGuid(), "Test worker", false, TimeSpan.FromHours(12));
            visit.CheckIn(visit.StartsAt);
            var alert = Mend.Web.Features.Visits.VisitAlert.Overdue(visit, visit.ExpectedEndAt.AddMinutes(20));
            visit.CheckOut(Mend.Web.Features.Visits.CheckOutCode.Normal, visit.ExpectedEndAt.AddMinutes(25));
            db.Visits.Add(visit);
            db.VisitAlerts.Add(alert);
            db.VisitAlertLog.Add(Mend.Web.Features.Visits.AlertLogEntry.For(alert, Mend.Web.Features.Visits.AlertEvent.Raised, "Not checked out", visit.ExpectedEndAt.AddMinutes(20)));
            var @case = await db.Cases.SingleAsync(c => c.Id == caseId);
            @case.Accept(null, "Test manager", at.AddYears(-closedYearsAgo).AddDays(-30));
            @case.Close(ClosureReason.Completed, null, at.AddYears(-closedYearsAgo));
            reference = @case.Reference;
            // The referral was made when they were 16; the case is dated back, so they are long past 25 now.
            var youngPerson = await db.People.SingleAsync(p => p.Id == youngPersonId);
            db.Entry(youngPerson).Property(p => p.DateOfBirth).CurrentValue = DateOnly.FromDateTime(at).AddYears(-closedYearsAgo - 30);
            await db.SaveChangesAsync();
        });

        return new ClosedCase(caseId, reference, youngPersonId, victimId, marker, documentId, attachmentId, assessmentId);
    }

    private async Task<HttpClient> SignedInAsync(string role) => await SignIn.AsAsync(factory, await TestUsers.CreateAsync(factory, [role]));

    private async Task<(long Id, int Version)> ListedAsync(HttpClient officer, DisposalRecordType type, Guid recordId)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync("/DataProtection/Disposals")).StatusCode);
        return await factory.WithDbAsync(db => db.Disposals.Where(d => d.RecordType == type && d.RecordId == recordId).Select(d => new ValueTuple<long, int>(d.Id, d.Version)).SingleAsync());
    }

    private static async Task RedirectedAsync(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join(" ", (await Html.ParseAsync(response)).ErrorSummary()));

    /// <summary>Posts the page's form for a step; the version is read from the database, as the page hides a form that step is refused to.</summary>
    private async Task<HttpResponseMessage> PostAsync(HttpClient client, long id, string handler, params (string Name, string Value)[] fields)
    {
        var version = (await factory.WithDbAsync(db => db.Disposals.Where(d => d.Id == id).Select(d => d.Version).SingleAsync())).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await client.SubmitAsync($"/DataProtection/Disposals/{id}", [new("Version", version), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))],
            $"/DataProtection/Disposals/{id}?handler={handler}");
    }

    [Fact]
    public async Task AClosedCase_IsReviewedThenApprovedBySomeoneElse_AndErasedWithEverythingOnIt_ThenItsPeopleInTheirTurn()
    {
        var c = await ClosedCaseAsync();
        var officer = await SignedInAsync(Roles.DataProtectionOfficer);
        var manager = await SignedInAsync(Roles.Manager);
        var (id, _) = await ListedAsync(officer, DisposalRecordType.Case, c.CaseId);
        Assert.False(await factory.WithDbAsync(db => db.Disposals.AnyAsync(d => d.RecordId == c.YoungPersonId || d.RecordId == c.VictimId)));

        var page = await officer.GetPageAsync($"/DataProtection/Disposals/{id}");
        Assert.Contains(c.Reference, page.QuerySelector("#record")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("6 years after the case closes", page.QuerySelector("#record")!.TextContent, StringComparison.Ordinal);

        // A manager cannot approve before a data protection officer has reviewed.
        var early = await PostAsync(manager, id, "Approve", ("Confirm", "yes"));
        Assert.Contains("must review this record before", string.Join(" ", (await Html.ParseAsync(early)).ErrorSummary()), StringComparison.Ordinal);

        await RedirectedAsync(await PostAsync(officer, id, "Review"));
        var own = await PostAsync(officer, id, "Approve", ("Confirm", "yes"));
        Assert.Contains("someone else must approve", string.Join(" ", (await Html.ParseAsync(own)).ErrorSummary()), StringComparison.Ordinal);
        var unconfirmed = await PostAsync(manager, id, "Approve");
        Assert.Contains("Confirm that you understand", string.Join(" ", (await Html.ParseAsync(unconfirmed)).ErrorSummary()), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Cases.AnyAsync(x => x.Id == c.CaseId)));

        await RedirectedAsync(await PostAsync(manager, id, "Approve", ("Confirm", "yes")));
        var record = await factory.WithDbAsync(db => db.Disposals.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal(DisposalStatus.Disposed, record.Status);
        Assert.StartsWith("1 case, 1 case note, 1 file, 1 letter or report, 1 victim's record, 1 assessment", record.Erased, StringComparison.Ordinal);
        Assert.Contains("1 visit", record.Erased, StringComparison.Ordinal);
        Assert.DoesNotContain(c.Marker, record.Erased + record.RuleWording + record.ReviewedByName + record.ApprovedByName, StringComparison.OrdinalIgnoreCase);
        await factory.WithDbAsync(async db =>
        {
            Assert.False(await db.Cases.AnyAsync(x => x.Id == c.CaseId));
            Assert.False(await db.CaseNotes.AnyAsync(n => n.CaseId == c.CaseId));
            Assert.False(await db.Attachments.AnyAsync(a => a.Id == c.AttachmentId));
            Assert.False(await db.Documents.AnyAsync(d => d.Id == c.DocumentId));
            Assert.False(await db.Victims.AnyAsync(v => v.CaseId == c.CaseId));
            Assert.False(await db.Assessments.AnyAsync(a => a.Id == c.AssessmentId));
            Assert.False(await db.CaseParticipants.AnyAsync(p => p.CaseId == c.CaseId));
            Assert.False(await db.Visits.AnyAsync(v => v.CaseId == c.CaseId));
            Assert.False(await db.VisitAlertLog.AnyAsync(e => !db.Visits.Any(v => v.Id == e.VisitId)));
            return 0;
        });

        // Its people no longer take part in anything Mend holds: their own period ran from the case's end, so they are due now.
        var (youngPerson, _) = await ListedAsync(officer, DisposalRecordType.Person, c.YoungPersonId);
        var (victim, _) = await ListedAsync(officer, DisposalRecordType.Person, c.VictimId);
        foreach (var person in new[] { youngPerson, victim })
        {
            await RedirectedAsync(await PostAsync(officer, person, "Review"));
            await RedirectedAsync(await PostAsync(manager, person, "Approve", ("Confirm", "yes")));
        }

        await AssertNothingIdentifiesAsync(c, manager);
        var destroyed = await officer.GetPageAsync("/DataProtection/Destroyed");
        Assert.Contains($"Case {id}", destroyed.QuerySelector("#destroyed")!.TextContent, StringComparison.Ordinal);
        var csv = await (await officer.GetAsync("/DataProtection/Destroyed?handler=Csv")).Content.ReadAsStringAsync();
        Assert.Contains(c.CaseId.ToString(), csv, StringComparison.Ordinal);
        Assert.DoesNotContain(c.Marker, csv, StringComparison.OrdinalIgnoreCase);
    }

    private async Task AssertNothingIdentifiesAsync(ClosedCase c, HttpClient manager)
    {
        // Search, the API and the files: nothing answers.
        var search = await JsonAsync(await manager.PostAsJsonAsync("/api/v1/people/search", new { name = "Kai " + c.Marker }));
        Assert.Equal(0, search.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/people/{c.YoungPersonId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/cases/{c.CaseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/documents/{c.DocumentId}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/Cases/Attachments/{c.CaseId}?handler=Download&fileId={c.AttachmentId}")).StatusCode);

        // The audit trail keeps its entries (ids that no longer resolve) but no text that names them, and still verifies.
        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MendDb>();
            var texts = await db.AuditEvents.AsNoTracking().Select(e => (e.Purpose ?? "") + "|" + (e.Recipient ?? "") + "|" + (e.Outcome ?? "") + "|" + (e.Fields ?? "") + "|" + e.ActorName).ToListAsync();
            Assert.DoesNotContain(texts, t => t.Contains(c.Marker, StringComparison.OrdinalIgnoreCase));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.SubjectPersonId == c.YoungPersonId && e.ErasedByDisposalId != null));
            await services.GetRequiredService<AuditSealer>().SealPendingAsync();
            var verified = await services.GetRequiredService<AuditVerifier>().VerifyAsync();
            Assert.True(verified.Intact, verified.Message);
            Assert.True(verified.ErasedEvents > 0, verified.Message);
        });

        // The database itself: no row anywhere holds the marker, and on SQLite not even the file's free space.
        Assert.Equal("", await RowsHoldingAsync(c.Marker));
        if (!factory.Database.IsPostgres)
        {
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(factory.Database.ConnectionString).DataSource;
            foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var memory = new MemoryStream();
                await stream.CopyToAsync(memory);
                var bytes = memory.ToArray();
                Assert.True(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(c.Marker)) < 0, $"{Path.GetFileName(file)} still holds the name");
                Assert.True(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(c.Marker.ToLowerInvariant())) < 0, $"{Path.GetFileName(file)} still holds the name's search words");
            }
        }
    }

    /// <summary>The tables with rows that hold the text (case-insensitively) in any column, and how many: "" when none.</summary>
    private Task<string> RowsHoldingAsync(string text) => factory.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = factory.Database.IsPostgres
                ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var found = new List<string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            var columns = new List<string>();
            command.CommandText = factory.Database.IsPostgres
                ? $"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}'"
                : $"SELECT name FROM pragma_table_info('{table}')";
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    columns.Add(reader.GetString(0));
                }
            }

            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE " + string.Join(" OR ", columns.Select(col => factory.Database.IsPostgres
                ? $"CAST(\"{col}\" AS text) ILIKE '%{text}%'"
                : $"CAST(\"{col}\" AS TEXT) LIKE '%{text}%'"));
            var count = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            if (count > 0)
            {
                found.Add($"{table}: {count}");
            }
        }

        return string.Join(", ", found);
    });

    [Fact]
    public async Task ALegalHoldOnTheCase_StopsReviewAndApproval_UntilLifted()
    {
        var c = await ClosedCaseAsync();
        var officer = await SignedInAsync(Roles.DataProtectionOfficer);
        var second = await SignedInAsync(Roles.DataProtectionOfficer);
        var (id, _) = await ListedAsync(officer, DisposalRecordType.Case, c.CaseId);
        await RedirectedAsync(await PostAsync(officer, id, "Review"));

        var review = factory.Clock.GetUtcNow().AddMonths(6);
        var placed = await officer.SubmitAsync("/DataProtection/Holds/Place", ("Input.CaseReference", c.Reference.ToLowerInvariant()), ("Input.Reason", "Independent inquiry asked for these records"),
            ("Input.ReviewOn.Day", review.Day.ToString()), ("Input.ReviewOn.Month", review.Month.ToString()), ("Input.ReviewOn.Year", review.Year.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        var holdUrl = placed.Headers.Location!.OriginalString;

        var page = await second.GetPageAsync($"/DataProtection/Disposals/{id}");
        Assert.Contains("Independent inquiry", page.QuerySelector("#held")!.TextContent, StringComparison.Ordinal);
        var refused = await PostAsync(second, id, "Approve", ("Confirm", "yes"));
        Assert.Contains("A legal hold keeps this record", string.Join(" ", (await Html.ParseAsync(refused)).ErrorSummary()), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Cases.AnyAsync(x => x.Id == c.CaseId)));
        Assert.Equal(DisposalStatus.Reviewed, await factory.WithDbAsync(db => db.Disposals.Where(d => d.Id == id).Select(d => d.Status).SingleAsync()));
        var dryRun = await DryRunAsync(DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime));
        Assert.Contains(dryRun.Split('\n'), line => line.Contains(c.CaseId.ToString(), StringComparison.Ordinal) && line.Contains("HELD", StringComparison.Ordinal));

        var noReason = await officer.SubmitAsync(holdUrl, ("Version", (await officer.GetPageAsync(holdUrl)).QuerySelector("input[name=Version]")!.GetAttribute("value")!));
        Assert.Contains("Enter why the hold can be lifted", string.Join(" ", (await Html.ParseAsync(noReason)).ErrorSummary()), StringComparison.Ordinal);
        var lifted = await officer.SubmitAsync(holdUrl, ("Version", (await officer.GetPageAsync(holdUrl)).QuerySelector("input[name=Version]")!.GetAttribute("value")!), ("LiftReason", "Inquiry closed"));
        Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);
        await RedirectedAsync(await PostAsync(second, id, "Approve", ("Confirm", "yes")));
        Assert.False(await factory.WithDbAsync(db => db.Cases.AnyAsync(x => x.Id == c.CaseId)));
    }

    [Fact]
    public async Task ALegalHold_IsRefusedWithoutAReasonOrWithAPastReviewDate_OrAnUnknownCase()
    {
        var officer = await SignedInAsync(Roles.DataProtectionOfficer);
        var yesterday = factory.Clock.GetUtcNow().AddDays(-1);
        var refused = await officer.SubmitAsync("/DataProtection/Holds/Place", ("Input.CaseReference", "YJ-1999-9999"), ("Input.Reason", ""),
            ("Input.ReviewOn.Day", yesterday.Day.ToString()), ("Input.ReviewOn.Month", yesterday.Month.ToString()), ("Input.ReviewOn.Year", yesterday.Year.ToString()));
        Assert.Contains("No case has that reference", string.Join(" ", (await Html.ParseAsync(refused)).ErrorSummary()), StringComparison.Ordinal);

        var c = await ClosedCaseAsync();
        var noReason = await officer.SubmitAsync("/DataProtection/Holds/Place", ("Input.CaseReference", c.Reference), ("Input.Reason", " "),
            ("Input.ReviewOn.Day", yesterday.Day.ToString()), ("Input.ReviewOn.Month", yesterday.Month.ToString()), ("Input.ReviewOn.Year", yesterday.Year.ToString()));
        Assert.Contains("Enter why the records must be kept", string.Join(" ", (await Html.ParseAsync(noReason)).ErrorSummary()), StringComparison.Ordinal);
        var past = await officer.SubmitAsync("/DataProtection/Holds/Place", ("Input.CaseReference", c.Reference), ("Input.Reason", "Claim"),
            ("Input.ReviewOn.Day", yesterday.Day.ToString()), ("Input.ReviewOn.Month", yesterday.Month.ToString()), ("Input.ReviewOn.Year", yesterday.Year.ToString()));
        Assert.Contains("The review date must be after today", string.Join(" ", (await Html.ParseAsync(past)).ErrorSummary()), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.LegalHolds.AnyAsync(h => h.CaseId == c.CaseId)));
    }

    [Fact]
    public async Task TheDryRun_SaysWhatFallsDueOnADay_AtItsBoundary_AndChangesNothing()
    {
        var c = await ClosedCaseAsync(closedYearsAgo: 5);
        var closedOn = await factory.WithDbAsync(db => db.Cases.Where(x => x.Id == c.CaseId).Select(x => x.ClosedAt!.Value).SingleAsync());
        var dueOn = Mend.Web.Platform.Time.London.DateOf(closedOn).AddYears(6);
        Assert.DoesNotContain(c.CaseId.ToString(), await DryRunAsync(dueOn.AddDays(-1)), StringComparison.Ordinal);
        var onTheDay = await DryRunAsync(dueOn);
        Assert.Contains(onTheDay.Split('\n'), line => line.StartsWith(dueOn.ToString("yyyy-MM-dd"), StringComparison.Ordinal) && line.Contains("Case\t" + c.CaseId, StringComparison.Ordinal));
        Assert.Contains("Nothing has been changed", onTheDay, StringComparison.Ordinal);
        Assert.DoesNotContain(c.Marker, onTheDay, StringComparison.OrdinalIgnoreCase);
        Assert.False(await factory.WithDbAsync(db => db.Disposals.AnyAsync(d => d.RecordId == c.CaseId)));

        await factory.WithScopeAsync(async services =>
        {
            var output = new StringWriter();
            var error = new StringWriter();
            Assert.Equal(64, await RetentionCommand.DryRunAsync(services, new Dictionary<string, string> { ["as-of"] = "2030-02-30", ["dry-run"] = "true" }, output, error));
            Assert.Contains("as-of: enter the date as YYYY-MM-DD", error.ToString(), StringComparison.Ordinal);
            Assert.Equal(64, await RetentionCommand.DryRunAsync(services, new Dictionary<string, string>(), output, error));
            Assert.Contains("Add --dry-run", error.ToString(), StringComparison.Ordinal);
        });
    }

    private async Task<string> DryRunAsync(DateOnly asOf)
    {
        var output = new StringWriter();
        await factory.WithScopeAsync(async services =>
            Assert.Equal(0, await RetentionCommand.DryRunAsync(services, new Dictionary<string, string> { ["as-of"] = asOf.ToString("yyyy-MM-dd"), ["dry-run"] = "true" }, output, new StringWriter())));
        return output.ToString();
    }
}

/// <summary>In its own class (and so its own database) because it leaves the audit trail failing verification.</summary>
public sealed class AuditErasureTamperTests(MendFactory factory) : IClassFixture<MendFactory>
{
    [Fact]
    public async Task AnAuditEntryClaimingAnErasureThatNeverHappened_BreaksVerification_AndOtherChangesAreRefused()
    {
        long target = 0;
        await factory.WithScopeAsync(async services =>
        {
            target = services.GetRequiredService<AuditTrail>().Record(AuditAction.View, "Thing", "erasure-test", purpose: "names someone").Id;
            await services.GetRequiredService<AuditTrail>().SaveAsync();
            target = await services.GetRequiredService<MendDb>().AuditEvents.Where(e => e.EntityId == "erasure-test").Select(e => e.Id).SingleAsync();
        });

        await factory.WithDbAsync<int>(async db =>
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"Purpose\" = NULL WHERE \"Id\" = {target}"));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync(
                $"UPDATE \"AuditEvents\" SET \"Purpose\" = NULL, \"Recipient\" = NULL, \"Outcome\" = NULL, \"TextSalt\" = NULL, \"ErasedByDisposalId\" = 999999, \"ActorName\" = 'x' WHERE \"Id\" = {target}"));
            // An erasure naming no disposal is refused by the database.
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync(
                $"UPDATE \"AuditEvents\" SET \"Purpose\" = NULL, \"Recipient\" = NULL, \"Outcome\" = NULL, \"TextSalt\" = NULL, \"ErasedByDisposalId\" = 999999 WHERE \"Id\" = {target}"));

            // One naming a disposal that is listed but was never carried out gets past the database, and verification says so.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Disposals" ("Id", "Kind", "RecordType", "RecordId", "RuleId", "RuleWording", "TriggerOn", "DueOn", "ListedAt", "Status", "Version")
                VALUES (424242, 'YoungPersonCase', 'Case', '00000000-0000-0000-0000-000000000001', 1, 'test', '2020-01-01', '2026-01-01', '2026-01-01', 'Due', 0)
                """);
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"Purpose\" = NULL, \"Recipient\" = NULL, \"Outcome\" = NULL, \"TextSalt\" = NULL, \"ErasedByDisposalId\" = 424242 WHERE \"Id\" = {target}");
            return 0;
        });

        await factory.WithScopeAsync(async services =>
        {
            await services.GetRequiredService<AuditSealer>().SealPendingAsync();
            var result = await services.GetRequiredService<AuditVerifier>().VerifyAsync();
            Assert.False(result.Intact);
            Assert.Contains($"audit event {target} says its texts were erased by disposal 424242, which was not carried out", result.Message, StringComparison.Ordinal);
        });
    }
}
