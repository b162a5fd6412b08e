using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mend.Web.Platform.Errors;

/// <summary>
/// The body of <c>/health/ready</c>: the overall status and each check's status and description, with the replica's lag
/// (<c>{"status":"Healthy","checks":{"database":{"status":"Healthy"},"replica":{"status":"Healthy","description":"…","lagSeconds":0.0,"standby":true}}}</c>).
/// Nothing in it is personal data or an exception's message.
/// </summary>
public static class ReadinessAnswer
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var checks = report.Entries.ToDictionary(e => e.Key, e =>
        {
            // A check that threw has the exception's message as its description: never shown to anonymous callers.
            var description = e.Value.Exception is null ? e.Value.Description : "The check failed; the node's log says why.";
            var check = new Dictionary<string, object?> { ["status"] = e.Value.Status.ToString(), ["description"] = description };
            foreach (var (key, value) in e.Value.Data)
            {
                check[key] = value;
            }

            return check;
        });
        return JsonSerializer.SerializeAsync(context.Response.Body, new { status = report.Status.ToString(), checks }, cancellationToken: context.RequestAborted);
    }
}
