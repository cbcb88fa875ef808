using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Messages;

namespace Scr.Core.Services.Deadlines;

/// <summary>What one run of the reminders did.</summary>
/// <param name="DueSoon">"Due soon" reminders sent.</param>
/// <param name="Missed">"Missed" reminders sent.</param>
/// <param name="SentElsewhere">Reminders another app instance sent while this run was deciding.</param>
public sealed record ReminderRun(int DueSoon, int Missed, int SentElsewhere)
{
    public int Sent => DueSoon + Missed;
}

/// <summary>
/// Reminders of stage 1 deadlines: once "due soon" when a deadline enters its reminder lead (<see cref="DeadlineRule.ReminderLead"/>)
/// and once "missed" when it becomes overdue, to the people who answer for it (<see cref="DeadlineResponsibility"/>), in
/// their inbox and by email with a link to the case. Each reminder is claimed by inserting its row in
/// <c>reminders_sent</c> in the same transaction as the inbox items, so however many app instances run, one sends it.
/// </summary>
public sealed class ReminderService(ScrDbContext db, DeadlineService deadlines, Messenger messenger, AuditLog audit, TimeProvider clock)
{
    private static readonly Actor Reminders = Actor.System("reminders");

    /// <summary>Sends every reminder that is due now and not yet sent.</summary>
    public async Task<ReminderRun> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var due = (await deadlines.OpenAsync(cancellationToken))
            .SelectMany(c => c.Deadlines.Select(d => (c.Review, Deadline: d, Kind: KindAt(d, now))))
            .Where(x => x.Kind is not null)
            .ToList();
        if (due.Count == 0)
        {
            return new ReminderRun(0, 0, 0);
        }
        var reviewIds = due.Select(x => x.Review.Id).Distinct().ToList();
        var sent = (await db.RemindersSent.AsNoTracking().Where(r => reviewIds.Contains(r.ReviewId))
                .Select(r => new { r.ReviewId, r.DeadlineKey, r.Kind }).ToListAsync(cancellationToken))
            .Select(r => (r.ReviewId, r.DeadlineKey, r.Kind))
            .ToHashSet();
        int dueSoon = 0, missed = 0, elsewhere = 0;
        foreach (var (review, deadline, kind) in due)
        {
            if (sent.Contains((review.Id, ClaimKey(deadline), kind!.Value)))
            {
                continue;
            }
            if (!await TrySendAsync(review, deadline, kind.Value, now, cancellationToken))
            {
                elsewhere++;
            }
            else if (kind == ReminderKind.DueSoon)
            {
                dueSoon++;
            }
            else
            {
                missed++;
            }
        }
        return new ReminderRun(dueSoon, missed, elsewhere);
    }

    /// <summary>The reminder a deadline calls for now: "due soon" in its lead time, "missed" once overdue, none otherwise.</summary>
    public static ReminderKind? KindAt(Deadline deadline, DateTimeOffset now) => deadline.StateAt(now) switch
    {
        DeadlineState.DueSoon => ReminderKind.DueSoon,
        DeadlineState.Overdue => ReminderKind.Missed,
        _ => null,
    };

    /// <summary>
    /// What a reminder is claimed under: the deadline's key; for a milestone, with the date in force, so a milestone whose
    /// date the chair moved is reminded again for its new date.
    /// </summary>
    public static string ClaimKey(Deadline deadline) => deadline.IsMilestone ? $"{deadline.Key}@{deadline.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}" : deadline.Key;

    /// <summary>
    /// Claims the reminder and writes the inbox items and audit entry in one transaction, then emails. False when the
    /// claim already exists: another instance sent it, and nothing is written or emailed here.
    /// </summary>
    internal async Task<bool> TrySendAsync(Review review, Deadline deadline, ReminderKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recipients = await RecipientsAsync(review, deadline, kind, cancellationToken);
        db.RemindersSent.Add(new ReminderSent(review.Id, ClaimKey(deadline), kind, now));
        var (title, body) = Message(review, deadline, kind);
        messenger.Tell(recipients, review.Id, title, body, deadline.IsMilestone ? $"/cases/{review.Id}/timetable" : $"/cases/{review.Id}");
        audit.Record(Reminders, AuditActions.ReminderSent, review.BoardId, "review", review.Id.ToString(),
            $"deadline={deadline.Key}; kind={kind}; recipients={recipients.Count}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DuplicateKeys.CausedFailure(e))
        {
            // Someone else sent it: forget this run's copy (claim, inbox items, audit entry, emails).
            foreach (var entry in db.ChangeTracker.Entries().Where(x => x.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }
            messenger.DiscardQueued();
            return false;
        }
        await messenger.SendQueuedAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The deadline's owners (by role, and on the review team), and for a missed one those copied (see
    /// <see cref="DeadlineResponsibility"/>).
    /// </summary>
    private async Task<IReadOnlyList<Recipient>> RecipientsAsync(Review review, Deadline deadline, ReminderKind kind, CancellationToken cancellationToken)
    {
        var roles = kind == ReminderKind.Missed ? DeadlineResponsibility.Concerned(deadline.Kind) : DeadlineResponsibility.Owners(deadline.Kind);
        var recipients = new List<Recipient>();
        foreach (var group in roles.GroupBy(r => r.InAgency))
        {
            var organisation = group.Key ? deadline.AgencyId : review.BoardId;
            if (organisation is { } id)
            {
                // An agency's leads hear for it, or its review authors when it has none (Messenger.AgencyContactsAsync).
                recipients.AddRange(group.Key && group.All(r => r.Role == Role.AgencyLead)
                    ? await messenger.AgencyContactsAsync(id, cancellationToken)
                    : await messenger.HoldersAsync(id, group.Select(r => r.Role).ToArray(), cancellationToken));
            }
        }
        recipients.AddRange(await messenger.UsersAsync(DeadlineResponsibility.TeamOwnersOf(deadline.Kind, review.Team), cancellationToken));
        return recipients.DistinctBy(r => r.UserId).ToList();
    }

    /// <summary>What the reminder says: what is due, on which case, by when, and the rule. Never a child's name.</summary>
    public static (string Title, string Body) Message(Review review, Deadline deadline, ReminderKind kind) => kind switch
    {
        ReminderKind.DueSoon => ($"Due soon: {deadline.Title}, case {review.Reference}",
            $"Due by {Labels.Due(deadline)}. {deadline.Rule.Basis}."),
        _ => ($"Deadline missed: {deadline.Title}, case {review.Reference}",
            $"This was due by {Labels.Due(deadline)} and is not done yet. {deadline.Rule.Basis}."),
    };
}
