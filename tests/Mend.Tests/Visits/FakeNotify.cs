using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mend.Tests.Visits;

/// <summary>
/// A stand-in for GOV.UK Notify's API (and an alarm-receiving centre's webhook) on a loopback port: it answers the two
/// send endpoints as Notify does, keeps what it was sent, and refuses sends to the recipients a test names.
/// </summary>
public sealed class FakeNotify : IAsyncDisposable
{
    public sealed record Sent(string Channel, string To, string Message, string? Reference, string Authorization);

    private readonly WebApplication _app;

    public ConcurrentQueue<Sent> Messages { get; } = new();

    public ConcurrentQueue<(string Body, string Signature)> Webhook { get; } = new();

    /// <summary>Mobile numbers and e-mail addresses whose sends fail with Notify's 400 error.</summary>
    public ConcurrentDictionary<string, bool> Refuse { get; } = new();

    public string Url { get; }

    /// <summary>Run while a send is being answered, before it is answered: a test's way to act mid-pass.</summary>
    public Func<Sent, Task>? OnSend { get; set; }

    private FakeNotify(WebApplication app, string url) => (_app, Url) = (app, url);

    public static async Task<FakeNotify> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeNotify? self = null;
        app.MapPost("/v2/notifications/{channel}", async (string channel, HttpContext http) =>
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            var root = body.RootElement;
            var to = channel == "sms" ? root.GetProperty("phone_number").GetString()! : root.GetProperty("email_address").GetString()!;
            if (self!.Refuse.ContainsKey(to))
            {
                return Results.Json(new { status_code = 400, errors = new[] { new { error = "BadRequestError", message = "Not a valid number" } } }, statusCode: 400);
            }

            var message = root.GetProperty("personalisation").GetProperty("message").GetString()!;
            var reference = root.TryGetProperty("reference", out var r) ? r.GetString() : null;
            var sent = new Sent(channel, to, message, reference, http.Request.Headers.Authorization.ToString());
            self.Messages.Enqueue(sent);
            if (self.OnSend is { } hook)
            {
                await hook(sent);
            }

            var id = Guid.NewGuid();
            return Results.Json(new
            {
                id,
                reference,
                content = channel == "sms" ? (object)new { body = message, from_number = "Mend" } : new { body = message, subject = "Mend", from_email = "mend@example.org" },
                uri = $"https://api.notifications.service.gov.uk/v2/notifications/{id}",
                template = new { id = Guid.NewGuid(), version = 1, uri = "https://api.notifications.service.gov.uk/v2/template/1" },
            }, statusCode: 201);
        });
        app.MapPost("/webhook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            self!.Webhook.Enqueue((await reader.ReadToEndAsync(), http.Request.Headers["X-Mend-Signature"].ToString()));
            return Results.Ok();
        });
        await app.StartAsync();
        var url = app.Urls.Single();
        self = new FakeNotify(app, url);
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
