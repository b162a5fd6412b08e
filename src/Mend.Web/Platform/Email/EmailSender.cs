using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Mend.Web.Platform.Email;

public sealed record EmailMessage(string To, string Subject, string Body, IReadOnlyList<EmailAttachment>? Attachments = null);

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Sends Mend's e-mails: invitations, password resets and security notices.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

public sealed class EmailSettings
{
    /// <summary>Smtp or File.</summary>
    public string Mode { get; set; } = "File";
    public string From { get; set; } = "mend@localhost";
    public string FromName { get; set; } = "Mend";
    public string Folder { get; set; } = ".mend/mail";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public bool SmtpStartTls { get; set; } = true;
}

internal static class MimeMessages
{
    public static MimeMessage From(EmailSettings settings, EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        var body = new BodyBuilder { TextBody = message.Body };
        foreach (var attachment in message.Attachments ?? [])
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }
}

/// <summary>Delivers through an SMTP relay with MailKit.</summary>
public sealed class SmtpEmailSender(EmailSettings settings) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.SmtpHost ?? "localhost", settings.SmtpPort,
            settings.SmtpStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUser))
        {
            await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", cancellationToken);
        }

        await client.SendAsync(MimeMessages.From(settings, message), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>
/// Writes each e-mail as an .eml file for development and tests, where no mail relay exists.
/// The content is never written to the application log (it holds sign-in links).
/// </summary>
public sealed class FileEmailSender(EmailSettings settings, ILogger<FileEmailSender> logger, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(settings.Folder);
        var name = $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(settings.Folder, name);
        await MimeMessages.From(settings, message).WriteToAsync(path, cancellationToken);
        logger.LogInformation("E-mail written to {File}", path);
    }
}
