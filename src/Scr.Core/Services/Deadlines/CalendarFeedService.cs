using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Accounts;
using Scr.Core.Services.Audit;

namespace Scr.Core.Services.Deadlines;

/// <summary>A new feed and its secret, which is shown once and never stored.</summary>
public sealed record CreatedFeed(CalendarFeed Feed, string Secret);

/// <summary>
/// A person's secret calendar-feed address of their deadlines. Only a hash of the secret is kept; a person has at most
/// one address in use: making a new one revokes the old. Revoking ends it at once.
/// </summary>
public sealed class CalendarFeedService(ScrDbContext db, AuditLog audit, Principals principals, TimeProvider clock)
{
    public const string SecretPrefix = "scrcal_";

    /// <summary>Makes a new feed address for the person, revoking any they had.</summary>
    public async Task<CreatedFeed> CreateAsync(Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        foreach (var old in await db.CalendarFeeds.Where(f => f.UserId == principal.UserId && f.RevokedAt == null).ToListAsync(cancellationToken))
        {
            old.Revoke(now);
            audit.Record(actor, AuditActions.CalendarFeedRevoked, null, "calendar-feed", old.Id.ToString(), "replaced by a new address");
        }
        var secret = Tokens.NewSecret(SecretPrefix);
        var feed = new CalendarFeed(principal.UserId, secret[..(SecretPrefix.Length + 6)], Tokens.Hash(secret), now);
        db.CalendarFeeds.Add(feed);
        audit.Record(actor, AuditActions.CalendarFeedCreated, null, "calendar-feed", feed.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedFeed(feed, secret);
    }

    /// <summary>The person's feed addresses, newest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<CalendarFeed>> ListAsync(Principal principal, CancellationToken cancellationToken = default)
    {
        var feeds = await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == principal.UserId).ToListAsync(cancellationToken);
        return feeds.OrderByDescending(f => f.CreatedAt).ToList();
    }

    public async Task RevokeAsync(Guid feedId, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.Id == feedId && f.UserId == principal.UserId, cancellationToken)
            ?? throw new NotFoundException("The calendar address");
        if (feed.RevokedAt is not null)
        {
            return;
        }
        feed.Revoke(clock.GetUtcNow());
        audit.Record(actor, AuditActions.CalendarFeedRevoked, null, "calendar-feed", feed.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The owner of a feed address in use, or null for an unknown or revoked one, or a disabled account. Each read sets
    /// the feed's last-used time; the first read of each UK day is also written to the audit log, so the log shows that,
    /// and from where, a feed is being read without one entry per poll of a calendar program.
    /// </summary>
    public async Task<Principal?> OpenAsync(string secret, string? ipAddress, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var hash = Tokens.Hash(secret);
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.Hash == hash && f.RevokedAt == null, cancellationToken);
        if (feed is null || !Tokens.Matches(secret, feed.Hash))
        {
            return null;
        }
        var principal = await principals.LoadAsync(feed.UserId, cancellationToken);
        if (principal is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        if (feed.LastUsedAt is not { } last || UkTime.DateOf(last) != UkTime.DateOf(now))
        {
            var email = await db.Users.AsNoTracking().Where(u => u.Id == feed.UserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
            audit.Record(new Actor(principal.UserId, email ?? principal.Name, ipAddress), AuditActions.CalendarFeedRead, null,
                "calendar-feed", feed.Id.ToString(), "first read today");
        }
        feed.LastUsedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return principal;
    }
}
