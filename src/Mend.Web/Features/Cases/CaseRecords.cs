using System.Text.Json;
using Mend.Web.Data;
using Mend.Web.Features.Assessments;
using Mend.Web.Features.Documents;
using Mend.Web.Features.Meetings;
using Mend.Web.Features.Orders;
using Mend.Web.Features.Processes;
using Mend.Web.Features.Safeguarding;
using Mend.Web.Features.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mend.Web.Features.Cases;

/// <summary>
/// The records on a case that its page shows besides the case, its people and its offences: notes (newest first), orders
/// with all their collections (newest decision first), the steps of its assessments, its restorative processes, its
/// documents, meetings and safeguarding referrals, and its visits still to come or under way (soonest first, at most 20).
/// Read either with a query for each kind the case holds, or, on PostgreSQL, all in one statement as one JSON value
/// (decision 0020); both give the same records, which <c>SkippedReadsTests</c> checks on every demo case.
/// </summary>
internal sealed class CaseRecords
{
    public const int MostVisits = 20;

    public List<CaseNote> Notes { get; init; } = [];
    public List<Order> Orders { get; init; } = [];
    public List<AssessmentStep> Assessments { get; init; } = [];
    public List<RjProcess> Processes { get; init; } = [];
    public List<DocumentStep> Documents { get; init; } = [];
    public List<ProfessionalMeeting> Meetings { get; init; } = [];
    public List<ReferralStep> Referrals { get; init; } = [];
    public List<Visit> Visits { get; init; } = [];

    public sealed record AssessmentStep(Guid PersonId, int Number, AssessmentStatus Status, DateTime StartedAt, string AssessorName, DateTime? SubmittedAt,
        string? SubmittedByName, DateTime? DecidedAt, string? DecidedByName);

    public sealed record DocumentStep(string Title, DateTime CreatedAt, string CreatedByName, DateTime? SentAt, DateOnly? SentOn, SendMethod? Method,
        string? Recipient, string? SentByName, bool Edited);

    /// <summary>A safeguarding referral as the timeline shows it: to whom and what came back, never why (that is read on the referral).</summary>
    public sealed record ReferralStep(Guid PersonId, string AgencyName, DateTime CreatedAt, string ReferredByName, SafeguardingResponse? Response,
        DateOnly? RespondedOn, string? ResponseRecordedByName);

    /// <summary>
    /// One query for each kind of record <paramref name="holds"/> says the case has (orders: one, and one for each of their
    /// collections that holds rows); with <paramref name="readAll"/>, every query, and orders with every collection as auto-included.
    /// </summary>
    public static async Task<CaseRecords> QueryAsync(MendDb db, Guid id, CaseFile.Holds holds, bool readAll, CancellationToken ct)
    {
        // Newest decision first; the id settles decisions made the same day, so the order never changes between reads.
        var caseOrders = db.Orders.Where(o => o.CaseId == id).OrderByDescending(o => o.DecidedOn).ThenBy(o => o.Id);
        return new CaseRecords
        {
            Notes = !holds.Notes ? []
                : await db.CaseNotes.AsNoTracking().Where(n => n.CaseId == id).OrderByDescending(n => n.OccurredAt).ThenByDescending(n => n.Id).ToListAsync(ct),
            Orders = !holds.Orders ? []
                : readAll ? await caseOrders.AsNoTracking().AsSplitQuery().ToListAsync(ct)
                : await holds.OrderParts.Include(caseOrders).ToListAsync(ct),
            Assessments = !holds.Assessments ? [] : await db.Assessments.AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.Id)
                .Select(a => new AssessmentStep(a.PersonId, a.Number, a.Status, a.StartedAt, a.AssessorName, a.SubmittedAt, a.SubmittedByName, a.DecidedAt, a.DecidedByName))
                .ToListAsync(ct),
            // Preparation sessions are not on the timeline, so they are not read. A process has a few of each collection, so
            // they are joined in one query rather than split.
            Processes = !holds.Processes ? [] : await db.RjProcesses.AsNoTracking().IgnoreAutoIncludes().Where(p => p.CaseId == id).OrderBy(p => p.Id)
                .Include(p => p.Participants.OrderBy(x => x.Id)).Include(p => p.Agreement.OrderBy(x => x.Id)).Include(p => p.Feedback.OrderBy(x => x.Id))
                .ToListAsync(ct),
            Documents = !holds.Documents ? [] : await db.Documents.AsNoTracking().Where(d => d.CaseId == id).OrderBy(d => d.Id)
                .Select(d => new DocumentStep(d.Title, d.CreatedAt, d.CreatedByName, d.SentAt, d.SentOn, d.Method, d.Recipient, d.SentByName, d.Edited))
                .ToListAsync(ct),
            Meetings = !holds.Meetings ? [] : await db.ProfessionalMeetings.AsNoTracking().IgnoreAutoIncludes().Where(m => m.CaseId == id).OrderBy(m => m.Id)
                .Include(m => m.Actions.OrderBy(a => a.Id)).ToListAsync(ct),
            Referrals = !holds.Referrals ? [] : await db.SafeguardingReferrals.AsNoTracking().Where(r => r.CaseId == id).OrderBy(r => r.Id)
                .Select(r => new ReferralStep(r.PersonId, r.AgencyName, r.CreatedAt, r.ReferredByName, r.Response, r.RespondedOn, r.ResponseRecordedByName))
                .ToListAsync(ct),
            // The same condition as the Visits flag of CaseFile.Holds.
            Visits = !holds.Visits ? [] : await db.Visits.AsNoTracking().Where(v => v.CaseId == id && (v.Status == VisitStatus.Planned || v.Status == VisitStatus.InProgress))
                .OrderBy(v => v.StartsAt).ThenBy(v => v.Id).Take(MostVisits).ToListAsync(ct),
        };
    }

    /// <summary>
    /// Everything in one statement, one round trip however much the case holds (PostgreSQL only): each kind of record as a
    /// JSON array in the same order as <see cref="QueryAsync"/> reads it, each order and process with its collections.
    /// </summary>
    public static async Task<CaseRecords> ReadAsOneAsync(MendDb db, Guid id, CancellationToken ct)
    {
        // Sent as EF Core sends its own commands (its connection, interceptors and logging, so the round trip is counted), but
        // not through its LINQ pipeline: a raw query there is rebuilt, parameterised and looked up in the query cache on every
        // call, which cost more than reading the JSON (issue 21).
        var command = db.GetService<IRawSqlCommandBuilder>().Build(OneStatement.Get(db), [new Npgsql.NpgsqlParameter("id", id)], db.Model);
        string json;
        await using (var reader = await command.RelationalCommand.ExecuteReaderAsync(
            new RelationalCommandParameterObject(db.GetService<IRelationalConnection>(), command.ParameterValues, null, db,
                db.GetService<IRelationalCommandDiagnosticsLogger>(), CommandSource.FromSqlQuery), ct))
        {
            json = await reader.ReadAsync(ct) ? reader.DbDataReader.GetString(0) : throw new InvalidOperationException("The case's records statement returned no row.");
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var model = db.Model;
        return new CaseRecords
        {
            Notes = EntityJson.Entities<CaseNote>(model, root.GetProperty("notes")),
            Orders = EntityJson.Entities<Order>(model, root.GetProperty("orders")),
            Assessments = EntityJson.Records<AssessmentStep>(root.GetProperty("assessments")),
            Processes = EntityJson.Entities<RjProcess>(model, root.GetProperty("processes")),
            Documents = EntityJson.Records<DocumentStep>(root.GetProperty("documents")),
            Meetings = EntityJson.Entities<ProfessionalMeeting>(model, root.GetProperty("meetings")),
            Referrals = EntityJson.Records<ReferralStep>(root.GetProperty("referrals")),
            Visits = EntityJson.Entities<Visit>(model, root.GetProperty("visits")),
        };
    }

    /// <summary>The statement, written once from the model (the same text every time, so PostgreSQL plans it once).</summary>
    private static class OneStatement
    {
        private static string? _sql;

        public static string Get(MendDb db) => _sql ??= Write(db.Model);

        private static string Write(Microsoft.EntityFrameworkCore.Metadata.IModel model)
        {
            string T<TEntity>() => EntityJson.Table<TEntity>(model);
            string C<TEntity>(string property) => EntityJson.Column<TEntity>(model, property);
            static string Array(string element, string from, string order) => $"coalesce((SELECT jsonb_agg({element} ORDER BY {order}) FROM {from}), '[]')";

            var visits = $"(SELECT * FROM {T<Visit>()} WHERE {C<Visit>(nameof(Visit.CaseId))} = @id AND {C<Visit>(nameof(Visit.Status))} IN "
                + $"({EntityJson.Literal<Visit>(model, nameof(Visit.Status), VisitStatus.Planned)}, {EntityJson.Literal<Visit>(model, nameof(Visit.Status), VisitStatus.InProgress)}) ORDER BY {C<Visit>(nameof(Visit.StartsAt))}, {C<Visit>(nameof(Visit.Id))} LIMIT {MostVisits}) v";
            return "SELECT jsonb_build_object("
                + $"'notes', {Array("to_jsonb(n)", $"{T<CaseNote>()} n WHERE n.{C<CaseNote>(nameof(CaseNote.CaseId))} = @id",
                    $"n.{C<CaseNote>(nameof(CaseNote.OccurredAt))} DESC, n.{C<CaseNote>(nameof(CaseNote.Id))} DESC")}, "
                + $"'orders', {Array(EntityJson.RowWith<Order>(model, "o", nameof(Order.Requirements), nameof(Order.Contacts), nameof(Order.Warnings),
                        nameof(Order.Breaches), nameof(Order.Panels), nameof(Order.Reparation), nameof(Order.Plan), nameof(Order.Reviews)),
                    $"{T<Order>()} o WHERE o.{C<Order>(nameof(Order.CaseId))} = @id", $"o.{C<Order>(nameof(Order.DecidedOn))} DESC, o.{C<Order>(nameof(Order.Id))}")}, "
                + $"'assessments', {Array(EntityJson.RecordOf<AssessmentStep, Assessment>(model, "a"),
                    $"{T<Assessment>()} a WHERE a.{C<Assessment>(nameof(Assessment.CaseId))} = @id", $"a.{C<Assessment>(nameof(Assessment.Id))}")}, "
                + $"'processes', {Array(EntityJson.RowWith<RjProcess>(model, "p", nameof(RjProcess.Participants), nameof(RjProcess.Agreement), nameof(RjProcess.Feedback)),
                    $"{T<RjProcess>()} p WHERE p.{C<RjProcess>(nameof(RjProcess.CaseId))} = @id", $"p.{C<RjProcess>(nameof(RjProcess.Id))}")}, "
                + $"'documents', {Array(EntityJson.RecordOf<DocumentStep, Document>(model, "d"),
                    $"{T<Document>()} d WHERE d.{C<Document>(nameof(Document.CaseId))} = @id", $"d.{C<Document>(nameof(Document.Id))}")}, "
                + $"'meetings', {Array(EntityJson.RowWith<ProfessionalMeeting>(model, "m", nameof(ProfessionalMeeting.Actions)),
                    $"{T<ProfessionalMeeting>()} m WHERE m.{C<ProfessionalMeeting>(nameof(ProfessionalMeeting.CaseId))} = @id", $"m.{C<ProfessionalMeeting>(nameof(ProfessionalMeeting.Id))}")}, "
                + $"'referrals', {Array(EntityJson.RecordOf<ReferralStep, SafeguardingReferral>(model, "r"),
                    $"{T<SafeguardingReferral>()} r WHERE r.{C<SafeguardingReferral>(nameof(SafeguardingReferral.CaseId))} = @id",
                    $"r.{C<SafeguardingReferral>(nameof(SafeguardingReferral.Id))}")}, "
                + $"'visits', {Array("to_jsonb(v)", visits, $"v.{C<Visit>(nameof(Visit.StartsAt))}, v.{C<Visit>(nameof(Visit.Id))}")}"
                + ") AS \"Value\"";
        }
    }
}
