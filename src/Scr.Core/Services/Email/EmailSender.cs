using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Scr.Core.Services.Email;

/// <summary>Configuration section "Smtp".</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool StartTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Serious case reviews <no-reply@scr.invalid>";

    /// <summary>When set (development), messages are written here as .eml files instead of being sent.</summary>
    public string? PickupDirectory { get; set; }
}

public interface IEmailSender
{
    Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken = default);
}

/// <summary>Sends email over SMTP with MailKit, or drops it in the pickup folder in development.</summary>
public sealed class EmailSender(IOptions<SmtpSettings> options, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Date = clock.GetUtcNow();
        message.Body = new TextPart("plain") { Text = textBody };

        if (!string.IsNullOrWhiteSpace(settings.PickupDirectory))
        {
            Directory.CreateDirectory(settings.PickupDirectory);
            var path = Path.Combine(settings.PickupDirectory, $"{clock.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(path, cancellationToken);
            return;
        }
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            throw new InvalidOperationException("Email is not configured: set Smtp:Host (or Smtp:PickupDirectory in development).");
        }
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, settings.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

/// <summary>Reads the development pickup folder, newest first, for the in-app outbox.</summary>
public static class PickupFolder
{
    public sealed record Item(string Id, DateTimeOffset Date, string To, string Subject, string Body);

    public static IReadOnlyList<Item> Read(string directory, int take = 50)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }
        return Directory.EnumerateFiles(directory, "*.eml")
            .OrderByDescending(Path.GetFileName, StringComparer.Ordinal)
            .Take(take)
            .Select(path =>
            {
                var message = MimeMessage.Load(path);
                return new Item(Path.GetFileNameWithoutExtension(path), message.Date, message.To.ToString(), message.Subject ?? "",
                    message.TextBody ?? "");
            })
            .ToList();
    }
}
