using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Mend.Web.Platform.Encryption;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Mend.Bench;

/// <summary>
/// The hand-written baselines (the caseload's is <see cref="BaselineCaseload"/>): the case page's data (the case, its people, offences and latest notes,
/// decrypted as Mend decrypts them) read with raw Npgsql in one batched round trip and written out as
/// a hand-built HTML string, in the manner of the fastest TechEmpower Fortunes entries. No sign-in,
/// no audit, no framework beyond Kestrel's routing: it exists to show what Mend's layers cost.
/// It lives in the bench project and is never part of the product.
/// </summary>
public static class Baseline
{
    public static async Task<int> RunAsync(Options options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Required("port")}");
        await using var data = NpgsqlDataSource.Create(options.Required("connection"));
        var encryption = new FieldEncryption(new EncryptionSettings { Keys = new() { ["1"] = options.Required("key") } });
        await using var app = builder.Build();
        app.MapGet("/baseline/cases/{id:guid}", async (Guid id, HttpContext http) =>
        {
            var html = await CasePageAsync(data, encryption, id);
            if (html is null)
            {
                http.Response.StatusCode = 404;
                return;
            }

            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers["X-Mend-Round-Trips"] = "1";
            await http.Response.WriteAsync(html);
        });
        app.MapGet("/baseline/caseload/{worker:guid}", async (Guid worker, HttpContext http) =>
        {
            var html = await BaselineCaseload.PageAsync(data, worker, DateOnly.FromDateTime(DateTime.UtcNow));
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers["X-Mend-Round-Trips"] = "1";
            await http.Response.WriteAsync(html);
        });
        app.MapGet("/health", () => "ok");
        Console.WriteLine($"Baseline listening on port {options.Required("port")}");
        await app.RunAsync();
        return 0;
    }

    public static async Task<string?> CasePageAsync(NpgsqlDataSource data, FieldEncryption encryption, Guid id)
    {
        await using var batch = data.CreateBatch();
        batch.BatchCommands.Add(Command("SELECT \"Reference\", \"Status\", \"RiskLevel\", \"ReferralSource\", \"ReferralReceivedOn\", \"AllocatedWorkerName\" FROM \"Cases\" WHERE \"Id\" = $1", id));
        batch.BatchCommands.Add(Command("SELECT p.\"Role\", pe.\"GivenName\", pe.\"FamilyName\", pe.\"OrganisationName\", pe.\"DateOfBirth\" FROM \"CaseParticipants\" p JOIN \"People\" pe ON pe.\"Id\" = p.\"PersonId\" WHERE p.\"CaseId\" = $1 AND p.\"EndedAt\" IS NULL ORDER BY p.\"Id\"", id));
        batch.BatchCommands.Add(Command("SELECT t.\"Name\", o.\"CommittedOn\", o.\"Location\" FROM \"Offences\" o JOIN \"OffenceTypes\" t ON t.\"Id\" = o.\"OffenceTypeId\" WHERE o.\"CaseId\" = $1 ORDER BY o.\"CommittedOn\"", id));
        batch.BatchCommands.Add(Command("SELECT \"Type\", \"OccurredAt\", \"AuthorName\", \"TextCiphertext\" FROM \"CaseNotes\" WHERE \"CaseId\" = $1 ORDER BY \"OccurredAt\" DESC LIMIT 20", id));
        await using var reader = await batch.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        var e = HtmlEncoder.Default;
        var html = new StringBuilder(8192);
        var reference = reader.GetString(0);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Case ").Append(e.Encode(reference)).Append("</title></head><body><main><h1>Case ")
            .Append(e.Encode(reference)).Append("</h1><dl><dt>Status</dt><dd>").Append(e.Encode(reader.GetString(1))).Append("</dd><dt>Risk</dt><dd>").Append(e.Encode(reader.GetString(2)))
            .Append("</dd><dt>Referral</dt><dd>").Append(e.Encode(reader.GetString(3))).Append(", received ")
            .Append(reader.GetFieldValue<DateOnly>(4).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append("</dd><dt>Worker</dt><dd>")
            .Append(e.Encode(reader.IsDBNull(5) ? "Not allocated" : reader.GetString(5))).Append("</dd></dl>");
        await reader.NextResultAsync();
        html.Append("<h2>People</h2><table><tr><th>Name</th><th>Part</th><th>Born</th></tr>");
        while (await reader.ReadAsync())
        {
            var name = reader.IsDBNull(3) ? $"{(reader.IsDBNull(1) ? "" : reader.GetString(1))} {(reader.IsDBNull(2) ? "" : reader.GetString(2))}" : reader.GetString(3);
            html.Append("<tr><td>").Append(e.Encode(name)).Append("</td><td>").Append(e.Encode(reader.GetString(0))).Append("</td><td>")
                .Append(reader.IsDBNull(4) ? "" : reader.GetFieldValue<DateOnly>(4).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append("</td></tr>");
        }

        await reader.NextResultAsync();
        html.Append("</table><h2>Offences</h2><ul>");
        while (await reader.ReadAsync())
        {
            html.Append("<li>").Append(e.Encode(reader.GetString(0))).Append(", ").Append(reader.GetFieldValue<DateOnly>(1).ToString("d MMMM yyyy", CultureInfo.InvariantCulture))
                .Append(reader.IsDBNull(2) ? "" : ", " + e.Encode(reader.GetString(2))).Append("</li>");
        }

        await reader.NextResultAsync();
        html.Append("</ul><h2>Notes</h2>");
        while (await reader.ReadAsync())
        {
            html.Append("<article><h3>").Append(e.Encode(reader.GetString(0))).Append(", ").Append(reader.GetDateTime(1).ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture))
                .Append(" by ").Append(e.Encode(reader.GetString(2))).Append("</h3><p>").Append(e.Encode(encryption.Decrypt(reader.GetString(3)))).Append("</p></article>");
        }

        return html.Append("</main></body></html>").ToString();
    }

    private static NpgsqlBatchCommand Command(string sql, Guid id) => new(sql) { Parameters = { new NpgsqlParameter { Value = id } } };
}
