extern alias GovukNotify;

using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Mend.Web.Platform;
using Mend.Web.Platform.Composition;
using Mend.Web.Platform.Email;

namespace Mend.Web.Features.Visits;

/// <summary>
/// Mend:Notify: GOV.UK Notify, for lone-working alerts by text message and e-mail. Each service makes two templates in
/// Notify: a text message whose whole content is <c>((message))</c>, and an e-mail whose subject is <c>((subject))</c> and
/// body <c>((message))</c>. Without an API key, alerts go by Mend's own e-mail (Mend:Email) and text messages are written
/// to files (development).
/// </summary>
public sealed class NotifySettings : ISelfValidating<NotifySettings>
{
    public string? ApiKey { get; set; }
    public string BaseUrl { get; set; } = "https://api.notifications.service.gov.uk";
    public string? SmsTemplateId { get; set; }
    public string? EmailTemplateId { get; set; }

    /// <summary>Where text messages are written when Notify is not configured.</summary>
    public string SmsFolder { get; set; } = ".mend/sms";

    /// <summary>How long one send may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool Configured => !string.IsNullOrWhiteSpace(ApiKey);

    public NotifySettings Validated()
    {
        if (Configured && (!Guid.TryParse(SmsTemplateId, out _) || !Guid.TryParse(EmailTemplateId, out _)))
        {
            throw new MendConfigurationException("Mend:Notify:ApiKey is set, so Mend:Notify:SmsTemplateId and Mend:Notify:EmailTemplateId must be the ids of the two templates (see the operators' guide).");
        }

        if (Configured && ApiKey!.Trim().Length < 74)
        {
            throw new MendConfigurationException("Mend:Notify:ApiKey is not a GOV.UK Notify API key (name-service id-secret).");
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out _))
        {
            throw new MendConfigurationException("Mend:Notify:BaseUrl must be an absolute address.");
        }

        return this;
    }
}

/// <summary>How an alert reaches a person outside Mend. Each send either completes or throws; the caller logs which.</summary>
public interface IAlertChannel
{
    Task SendSmsAsync(string mobile, string message, string reference, CancellationToken ct);

    Task SendEmailAsync(string address, string subject, string message, string reference, CancellationToken ct);
}

/// <summary>Sends through GOV.UK Notify with its .NET client (the GovukNotify package).</summary>
public sealed class NotifyChannel(NotifySettings settings) : IAlertChannel
{
    public Task SendSmsAsync(string mobile, string message, string reference, CancellationToken ct) =>
        Bounded(Client().SendSmsAsync(mobile, settings.SmsTemplateId, new() { ["message"] = message }, reference, null), ct);

    public Task SendEmailAsync(string address, string subject, string message, string reference, CancellationToken ct) =>
        Bounded(Client().SendEmailAsync(address, settings.EmailTemplateId, new() { ["subject"] = subject, ["message"] = message }, reference, null), ct);

    private GovukNotify::Notify.Client.NotificationClient Client() => new(settings.BaseUrl, settings.ApiKey!.Trim());

    // The client takes no cancellation token: stop waiting after the timeout, and count the send as failed.
    private Task Bounded(Task send, CancellationToken ct) => send.WaitAsync(settings.Timeout, ct);
}

/// <summary>Development and tests without Notify: e-mails through Mend's own sender, text messages as files.</summary>
public sealed class FileChannel(NotifySettings settings, IEmailSender email, TimeProvider clock, ILogger<FileChannel> logger) : IAlertChannel
{
    public async Task SendSmsAsync(string mobile, string message, string reference, CancellationToken ct)
    {
        Directory.CreateDirectory(settings.SmsFolder);
        var path = Path.Combine(settings.SmsFolder, $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, $"To: {mobile}\nReference: {reference}\n\n{message}\n", ct);
        logger.LogInformation("Text message written to {File}", path);
    }

    public Task SendEmailAsync(string address, string subject, string message, string reference, CancellationToken ct) =>
        email.SendAsync(new EmailMessage(address, subject, message), ct);
}

/// <summary>
/// Posts every alert event to an alarm-receiving centre's webhook (Mend:LoneWorking:WebhookUrl) as JSON, with an
/// X-Mend-Signature header: "sha256=" and the hex HMAC-SHA256 of the body under the shared secret.
/// </summary>
public sealed class AlertWebhook(LoneWorkingSettings settings, IHttpClientFactory http)
{
    public sealed record Payload(long AlertId, Guid VisitId, string Kind, string Event, string Step, DateTime At, string Worker, string? WorkerMobile,
        string Place, string Address, DateTime ExpectedEndAt, string Detail);

    public bool Configured => !string.IsNullOrEmpty(settings.WebhookUrl);

    /// <exception cref="HttpRequestException">The centre did not answer with success.</exception>
    public async Task PostAsync(Payload payload, CancellationToken ct)
    {
        var body = JsonContent.Create(payload);
        var bytes = await body.ReadAsByteArrayAsync(ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.WebhookUrl) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Mend-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(settings.WebhookSecret!), bytes)));
        using var response = await http.CreateClient(nameof(AlertWebhook)).SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }
}
