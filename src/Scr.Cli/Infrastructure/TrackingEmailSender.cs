using Microsoft.Extensions.Options;
using Scr.Core.Services.Email;

namespace Scr.Cli.Infrastructure;

/// <summary>An email the CLI sent, and where it went ("written to …/x.eml", "sent through smtp.example.org:587").</summary>
internal sealed record EmailDelivery(string To, string Subject, string Where);

/// <summary>The email could not be sent; carries the message so the operator can still be told what it said.</summary>
internal sealed class EmailNotSentException(string to, string body, Exception inner)
    : Exception($"The email to {to} could not be sent: {inner.Message}", inner)
{
    public string Body { get; } = body;
}

/// <summary>The core's <see cref="EmailSender"/>, noting where each message went so the CLI can tell the operator.</summary>
internal sealed class TrackingEmailSender(IOptions<SmtpSettings> options, TimeProvider clock) : IEmailSender
{
    private readonly EmailSender _inner = new(options, clock);
    private readonly List<EmailDelivery> _deliveries = [];

    public IReadOnlyList<EmailDelivery> Deliveries => _deliveries;

    public async Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var pickup = string.IsNullOrWhiteSpace(settings.PickupDirectory) ? null : Path.GetFullPath(settings.PickupDirectory);
        var before = pickup is not null && Directory.Exists(pickup) ? Directory.GetFiles(pickup, "*.eml").ToHashSet() : [];
        try
        {
            await _inner.SendAsync(to, subject, textBody, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new EmailNotSentException(to, textBody, e);
        }
        var where = pickup is null
            ? $"sent through {settings.Host}:{settings.Port}"
            : Directory.GetFiles(pickup, "*.eml").Where(f => !before.Contains(f)).Order().FirstOrDefault() is { } file
                ? $"written to {file}"
                : $"written to the folder {pickup}";
        _deliveries.Add(new EmailDelivery(to, subject, where));
    }
}
