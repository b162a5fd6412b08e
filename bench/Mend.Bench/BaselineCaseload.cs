using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Mend.Web.Features.Victims;
using Npgsql;

namespace Mend.Bench;

/// <summary>
/// The hand-written caseload baseline: a worker's open and referred cases (reference, young person, status, risk, next review,
/// last contact) and the inputs of what is due this week or overdue on them (victims with their choices and records, approved
/// assessments, open agreement items, open meeting actions, open orders), read with raw Npgsql in one batched round trip. Like Mend's
/// caseload it shows the first page of cases (sorted by risk, then next review, then reference, in the database) and how many there are,
/// and works out what is due across all of them.
/// The figures are worked out by hand-written code: each victim's deadline for information about restorative justice and for a
/// referral to support (Mend's default working days, counting weekends only, not bank holidays), assessments to review within
/// 14 days, agreement items and meeting actions due within 7, and open orders counted (Mend works out each order's compliance,
/// which this does not). So it is a lower bound on what Mend's caseload does, as the case page baseline is.
/// </summary>
public static class BaselineCaseload
{
    /// <summary>Cases a page, as Mend's caseload shows them (<see cref="Mend.Web.Features.Cases.IndexModel.PageSize"/>).</summary>
    private const int PageSize = Mend.Web.Features.Cases.IndexModel.PageSize;

    private const string Cases = "SELECT c.\"Id\" FROM \"Cases\" c WHERE c.\"AllocatedWorkerId\" = $1 AND c.\"Status\" IN ('Open', 'Referred')";

    public static async Task<string> PageAsync(NpgsqlDataSource data, Guid worker, DateOnly today)
    {
        var soon = today.AddDays(7);
        await using var batch = data.CreateBatch();
        batch.BatchCommands.Add(Command(
            "SELECT c.\"Reference\", c.\"Status\", c.\"RiskLevel\", c.\"RiskReviewOn\", " +
            "(SELECT p.\"GivenName\" || ' ' || p.\"FamilyName\" FROM \"CaseParticipants\" cp JOIN \"People\" p ON p.\"Id\" = cp.\"PersonId\" WHERE cp.\"CaseId\" = c.\"Id\" AND cp.\"Role\" = 'YoungPerson' LIMIT 1), " +
            "(SELECT max(n.\"OccurredAt\") FROM \"CaseNotes\" n WHERE n.\"CaseId\" = c.\"Id\") " +
            "FROM \"Cases\" c WHERE c.\"AllocatedWorkerId\" = $1 AND c.\"Status\" IN ('Open', 'Referred') " +
            "ORDER BY CASE c.\"RiskLevel\" WHEN 'VeryHigh' THEN 0 WHEN 'High' THEN 1 WHEN 'Medium' THEN 2 WHEN 'Low' THEN 3 ELSE 4 END, " +
            "c.\"RiskReviewOn\" IS NULL, c.\"RiskReviewOn\", c.\"Reference\" LIMIT $2", worker, PageSize));
        batch.BatchCommands.Add(Command($"SELECT count(*) FROM ({Cases}) c", worker));
        batch.BatchCommands.Add(Command(
            $"SELECT v.\"Id\", c.\"Reference\", v.\"DetailsReceivedOn\", v.\"Enhanced\", v.\"DeclinedOn\" IS NOT NULL FROM \"Victims\" v JOIN \"Cases\" c ON c.\"Id\" = v.\"CaseId\" " +
            $"WHERE v.\"MinimisedAt\" IS NULL AND v.\"CaseId\" IN ({Cases})", worker));
        batch.BatchCommands.Add(Command(
            $"SELECT r.\"VictimId\", r.\"Kind\", r.\"On\" FROM \"VictimRecords\" r JOIN \"Victims\" v ON v.\"Id\" = r.\"VictimId\" WHERE v.\"MinimisedAt\" IS NULL AND v.\"CaseId\" IN ({Cases})", worker));
        batch.BatchCommands.Add(Command(
            $"SELECT ch.\"VictimId\", ch.\"Kind\", ch.\"Agreed\", ch.\"On\" FROM \"VictimChoices\" ch JOIN \"Victims\" v ON v.\"Id\" = ch.\"VictimId\" WHERE v.\"MinimisedAt\" IS NULL AND v.\"CaseId\" IN ({Cases})", worker));
        batch.BatchCommands.Add(Command(
            $"SELECT c.\"Reference\", a.\"ReviewOn\" FROM \"Assessments\" a JOIN \"Cases\" c ON c.\"Id\" = a.\"CaseId\" WHERE a.\"Status\" = 'Approved' AND a.\"ReviewOn\" <= $2 AND a.\"CaseId\" IN ({Cases}) ORDER BY a.\"ReviewOn\" LIMIT 50",
            worker, today.AddDays(14)));
        batch.BatchCommands.Add(Command(
            $"SELECT c.\"Reference\", i.\"What\", i.\"DueOn\" FROM \"AgreementItems\" i JOIN \"RjProcesses\" p ON p.\"Id\" = i.\"RjProcessId\" JOIN \"Cases\" c ON c.\"Id\" = p.\"CaseId\" " +
            $"WHERE i.\"Status\" = 'Open' AND i.\"DueOn\" <= $2 AND p.\"CaseId\" IN ({Cases}) ORDER BY i.\"DueOn\" LIMIT 50", worker, soon));
        batch.BatchCommands.Add(Command(
            $"SELECT c.\"Reference\", a.\"What\", a.\"DueOn\" FROM \"MeetingActions\" a JOIN \"ProfessionalMeetings\" m ON m.\"Id\" = a.\"ProfessionalMeetingId\" JOIN \"Cases\" c ON c.\"Id\" = m.\"CaseId\" " +
            $"WHERE a.\"DoneOn\" IS NULL AND a.\"DueOn\" <= $2 AND m.\"CaseId\" IN ({Cases}) ORDER BY a.\"DueOn\" LIMIT 50", worker, soon));
        batch.BatchCommands.Add(Command($"SELECT count(*) FROM \"Orders\" o WHERE o.\"EndedOn\" IS NULL AND o.\"CaseId\" IN ({Cases})", worker));
        await using var reader = await batch.ExecuteReaderAsync();

        var e = HtmlEncoder.Default;
        var html = new StringBuilder(16384).Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>My cases</title></head><body><main><h1>My cases</h1>")
            .Append("<table><tr><th>Case</th><th>Young person</th><th>Status</th><th>Risk</th><th>Next review</th><th>Last contact</th></tr>");
        var rows = new List<(string Reference, string Status, string Risk, DateOnly? Review, string? Name, DateTime? LastContact)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetDateTime(5)));
        }

        foreach (var r in rows)
        {
            html.Append("<tr><td>").Append(e.Encode(r.Reference)).Append("</td><td>").Append(e.Encode(r.Name ?? "")).Append("</td><td>").Append(r.Status).Append("</td><td>").Append(r.Risk)
                .Append("</td><td>").Append(r.Review?.ToString("d MMM yyyy", CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(r.LastContact?.ToString("d MMM yyyy", CultureInfo.InvariantCulture)).Append("</td></tr>");
        }

        await reader.NextResultAsync();
        await reader.ReadAsync();
        var total = reader.GetInt64(0);
        html.Append("</table><p>").Append(total).Append(" cases, page 1 of ").Append(Math.Max(1, (total + PageSize - 1) / PageSize)).Append("</p>");

        await reader.NextResultAsync();
        var victims = new List<(Guid Id, string Reference, DateOnly Received, bool Enhanced, bool Declined)>();
        while (await reader.ReadAsync())
        {
            victims.Add((reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.GetInt32(3) != 0, reader.GetBoolean(4)));
        }

        await reader.NextResultAsync();
        var records = new List<(Guid Victim, string Kind, DateOnly On)>();
        while (await reader.ReadAsync())
        {
            records.Add((reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2)));
        }

        await reader.NextResultAsync();
        var optedOut = new HashSet<Guid>();
        while (await reader.ReadAsync())
        {
            if (reader.GetString(1) == nameof(ChoiceKind.Contact) && !reader.GetBoolean(2))
            {
                optedOut.Add(reader.GetGuid(0));
            }
        }

        var settings = new VictimSettings();
        var due = new List<(DateOnly Due, string Reference, string What)>();
        var byVictim = records.ToLookup(r => r.Victim);
        foreach (var v in victims)
        {
            var mine = byVictim[v.Id].ToList();
            var rjDue = AddWorkingDays(v.Received, v.Enhanced ? settings.EnhancedRjInformationWorkingDays : settings.RjInformationWorkingDays);
            if (!mine.Any(r => r.Kind == nameof(RecordKind.RjInformation)) && !optedOut.Contains(v.Id) && rjDue <= soon)
            {
                due.Add((rjDue, v.Reference, "Information about restorative justice"));
            }

            foreach (var wanted in mine.Where(r => r.Kind == nameof(RecordKind.SupportWanted)))
            {
                var supportDue = AddWorkingDays(wanted.On, settings.SupportReferralWorkingDays);
                if (!v.Declined && !mine.Any(r => r.Kind == nameof(RecordKind.SupportReferral) && r.On >= wanted.On) && supportDue <= soon)
                {
                    due.Add((supportDue, v.Reference, "Referral to support services"));
                }
            }
        }

        html.Append("<h2>Due this week or overdue</h2><h3>Victims</h3><ul>");
        foreach (var d in due.OrderBy(d => d.Due).Take(50))
        {
            html.Append("<li>").Append(e.Encode(d.Reference)).Append(": ").Append(d.What).Append(", due ").Append(d.Due.ToString("d MMM yyyy", CultureInfo.InvariantCulture)).Append("</li>");
        }

        foreach (var heading in new[] { "Assessments to review", "Agreement items", "Meeting actions" })
        {
            await reader.NextResultAsync();
            html.Append("</ul><h3>").Append(heading).Append("</h3><ul>");
            while (await reader.ReadAsync())
            {
                var what = reader.FieldCount > 2 ? e.Encode(reader.GetString(1)) + ", " : "";
                html.Append("<li>").Append(e.Encode(reader.GetString(0))).Append(": ").Append(what).Append("due ")
                    .Append(reader.IsDBNull(reader.FieldCount - 1) ? "" : reader.GetFieldValue<DateOnly>(reader.FieldCount - 1).ToString("d MMM yyyy", CultureInfo.InvariantCulture)).Append("</li>");
            }
        }

        await reader.NextResultAsync();
        await reader.ReadAsync();
        return html.Append("</ul><p>Open orders: ").Append(reader.GetInt64(0)).Append("</p></main></body></html>").ToString();
    }

    /// <summary><paramref name="days"/> working days after <paramref name="from"/>, counting weekends only.</summary>
    private static DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var day = from;
        while (days > 0)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }

        return day;
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
