using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Services.Accounts;
using Scr.Core.Services.Email;

namespace Scr.Core.Services.Messages;

/// <summary>A person to tell, as found from their role.</summary>
public sealed record Recipient(Guid UserId, string Name, string Email);

/// <summary>
/// Tells people about a case: an item in their in-app inbox, saved with the change that caused it, and an email sent
/// once the change is saved. Emails carry no confidential detail, only what to do and a link.
/// </summary>
public sealed class Messenger(ScrDbContext db, IEmailSender email, IOptions<ScrSettings> settings, TimeProvider clock, ILogger<Messenger> log)
{
    private readonly List<(string To, string Subject, string Body)> _outbox = [];

    /// <summary>Active accounts holding one of the roles in the organisation.</summary>
    public async Task<IReadOnlyList<Recipient>> HoldersAsync(Guid organisationId, Role[] roles, CancellationToken cancellationToken = default)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && roles.Contains(m.Role))
            .Join(db.Users.Where(u => u.DisabledAt == null), m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        return rows.DistinctBy(r => r.Id).Select(r => new Recipient(r.Id, r.DisplayName, r.Email ?? "")).ToList();
    }

    /// <summary>The active accounts among these people.</summary>
    public async Task<IReadOnlyList<Recipient>> UsersAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
    {
        if (userIds.Count == 0)
        {
            return [];
        }
        var rows = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.DisabledAt == null)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        return rows.Select(r => new Recipient(r.Id, r.DisplayName, r.Email ?? "")).ToList();
    }

    /// <summary>
    /// Who hears for an agency about a case (requests to secure records, file reviews, the decision): its leads, or its
    /// review authors when it has no active lead, so a request always reaches someone who can act on it.
    /// </summary>
    public async Task<IReadOnlyList<Recipient>> AgencyContactsAsync(Guid agencyId, CancellationToken cancellationToken = default)
    {
        var leads = await HoldersAsync(agencyId, [Role.AgencyLead], cancellationToken);
        return leads.Count > 0 ? leads : await HoldersAsync(agencyId, [Role.AgencyReviewAuthor], cancellationToken);
    }

    /// <summary>Active National Panel members and secretariat.</summary>
    public async Task<IReadOnlyList<Recipient>> PanelAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.Role == Role.PanelMember)
            .Join(db.Users.Where(u => u.DisabledAt == null), m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        return rows.DistinctBy(r => r.Id).Select(r => new Recipient(r.Id, r.DisplayName, r.Email ?? "")).ToList();
    }

    /// <summary>Queues the in-app item (saved with the caller's change) and the email (sent by <see cref="SendQueuedAsync"/>).</summary>
    public void Tell(IEnumerable<Recipient> recipients, Guid? reviewId, string title, string body, string link)
    {
        var now = clock.GetUtcNow();
        var url = settings.Value.PublicUrl.TrimEnd('/') + link;
        foreach (var recipient in recipients)
        {
            db.InboxItems.Add(new InboxItem(recipient.UserId, reviewId, title, body, link, now));
            if (!string.IsNullOrWhiteSpace(recipient.Email))
            {
                _outbox.Add((recipient.Email, title, $"{body}\n\n{url}\n\nThis message was sent by the serious case review service. Sign in to see the case."));
            }
        }
    }

    /// <summary>Forgets the queued emails: the change they were about was not saved.</summary>
    public void DiscardQueued() => _outbox.Clear();

    /// <summary>Sends the queued emails after the change is saved. A mail failure is logged: the in-app item still stands.</summary>
    public async Task SendQueuedAsync(CancellationToken cancellationToken = default)
    {
        var pending = _outbox.ToList();
        _outbox.Clear();
        foreach (var (to, subject, body) in pending)
        {
            try
            {
                await email.SendAsync(to, subject, body, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Email to {To} about \"{Subject}\" was not sent; the in-app message stands", to, subject);
            }
        }
    }
}
