using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Calendar;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Calendar;
using Scr.Core.Services.Reviews;

namespace Scr.Core.Services.Deadlines;

/// <summary>One deadline of one case, with its state at the moment it was read.</summary>
/// <param name="TeamOwners">Who on the review team answers for it (<see cref="DeadlineResponsibility.TeamOwnersOf"/>).</param>
public sealed record CaseDeadline(Guid ReviewId, string Reference, Guid BoardId, string BoardName, Deadline Deadline, DeadlineState State,
    IReadOnlyList<Guid> TeamOwners)
{
    /// <summary>Still to do: due, due soon or overdue.</summary>
    public bool IsOpen => State is DeadlineState.Due or DeadlineState.DueSoon or DeadlineState.Overdue;

    public bool IsDone => State is DeadlineState.Done or DeadlineState.DoneLate;

    /// <summary>How pressing it is, most pressing first: overdue, due soon, due, missed, done.</summary>
    public int Urgency => State switch
    {
        DeadlineState.Overdue => 0,
        DeadlineState.DueSoon => 1,
        DeadlineState.Due => 2,
        DeadlineState.Missed => 3,
        _ => 4,
    };
}

/// <summary>A case still waiting for its stage 1 deadlines or its review's milestones, and those deadlines.</summary>
public sealed record OpenCaseDeadlines(Review Review, IReadOnlyList<Deadline> Deadlines);

/// <summary>
/// The deadlines people see: those of stage 1, computed by <see cref="Rules.Timescales.Deadlines"/> from each case's facts
/// under its guidance edition, and the milestones of a review under way (<see cref="Milestones"/>), never typed in. The
/// board and the review team see every deadline of their cases; agency staff see their own agency's (never milestones).
/// </summary>
public sealed class DeadlineService(ScrDbContext db, BankHolidayService bankHolidays, TimeProvider clock)
{
    /// <summary>How long after the chair's decision a case's (now finished) deadlines are still listed.</summary>
    public static readonly TimeSpan ListedAfterDecision = TimeSpan.FromDays(30);

    /// <summary>The working-day calendar that deadlines count in: England and Wales, with the bank holidays in effect.</summary>
    public Task<WorkingCalendar> CalendarAsync(CancellationToken cancellationToken = default) => bankHolidays.CalendarAsync(cancellationToken);

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The first instant of the current month, UK time: what "done this month" counts from.</summary>
    public static DateTimeOffset StartOfMonth(DateTimeOffset now)
    {
        var today = UkTime.DateOf(now);
        return UkTime.StartOf(new DateOnly(today.Year, today.Month, 1));
    }

    /// <summary>
    /// Every deadline the person may see: all those of the cases they see in full (their boards' cases, and cases whose
    /// review team they are on), and their own agency's records and file review on cases their agency is involved in.
    /// Only cases still at stage 1, reviews under way (for their milestones), or cases decided in the last
    /// <see cref="ListedAfterDecision"/> or this month, are read. Sorted most pressing first, then by due date.
    /// </summary>
    public async Task<IReadOnlyList<CaseDeadline>> ForAsync(Principal principal, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var calendar = await CalendarAsync(cancellationToken);
        var since = StartOfMonth(now) < now - ListedAfterDecision ? StartOfMonth(now) : now - ListedAfterDecision;
        var cases = await DeadlineCases()
            .Where(r => r.Status == ReviewStatus.Open || (r.DecidedAt != null && r.DecidedAt >= since))
            .Where(ReviewAccessRules.VisibleTo(principal))
            .ToListAsync(cancellationToken);
        // A review under way lists its milestones; its stage 1 deadlines only while they are recent.
        return Sort(cases.SelectMany(r => Visible(principal, r, ReviewAccessRules.For(principal, ReviewAccessFacts.Of(r)), calendar, now)
            .Where(d => d.Deadline.IsMilestone || (r.Stage == ReviewStage.Identification && r.IsOpen) || r.DecidedAt >= since)));
    }

    /// <summary>The deadlines the person answers for or is copied on (see <see cref="DeadlineResponsibility"/>): their calendar.</summary>
    public async Task<IReadOnlyList<CaseDeadline>> ResponsibleForAsync(Principal principal, CancellationToken cancellationToken = default) =>
        (await ForAsync(principal, cancellationToken)).Where(d => DeadlineResponsibility.Concerns(principal, d.BoardId, d.TeamOwners, d.Deadline)).ToList();

    /// <summary>The deadlines of one case the person has opened, as much as they may see.</summary>
    public async Task<IReadOnlyList<CaseDeadline>> ForCaseAsync(ReviewView view, Principal principal, CancellationToken cancellationToken = default)
    {
        var calendar = await CalendarAsync(cancellationToken);
        return Visible(principal, view.Review, view.Access, calendar, clock.GetUtcNow()).ToList();
    }

    /// <summary>
    /// Every open case with its deadlines: those at stage 1 waiting for the chair's decision, and reviews under way with
    /// their milestones. What reminders watch.
    /// </summary>
    public async Task<IReadOnlyList<OpenCaseDeadlines>> OpenAsync(CancellationToken cancellationToken = default)
    {
        var calendar = await CalendarAsync(cancellationToken);
        var cases = await DeadlineCases()
            .Where(r => r.Status == ReviewStatus.Open)
            .ToListAsync(cancellationToken);
        return cases.Select(r => new OpenCaseDeadlines(r, All(r, calendar))).Where(c => c.Deadlines.Count > 0).ToList();
    }

    /// <summary>The case's stage 1 deadlines, then its review's milestones (none before the decision to hold one).</summary>
    public static IReadOnlyList<Deadline> All(Review review, WorkingCalendar calendar)
    {
        var milestones = Milestones.For(review, calendar);
        var stage1 = Rules.Timescales.Deadlines.For(review, calendar);
        return milestones.Count == 0 ? stage1 : stage1.Concat(milestones.Select(m => m.Deadline)).ToList();
    }

    public static IReadOnlyList<CaseDeadline> Sort(IEnumerable<CaseDeadline> deadlines) =>
        deadlines.OrderBy(d => d.Urgency)
            .ThenBy(d => d.IsDone ? -d.Deadline.DoneAt!.Value.UtcTicks : d.Deadline.Due.UtcTicks)
            .ThenBy(d => d.Reference, StringComparer.Ordinal)
            .ThenBy(d => d.Deadline.Title, StringComparer.Ordinal)
            .ToList();

    /// <summary>What the deadline and milestone rules read of a case, and no more, in one round of queries (one per collection).</summary>
    private IQueryable<Review> DeadlineCases() =>
        db.Reviews.AsNoTracking()
            .Include(r => r.Board)
            .Include(r => r.Agencies).ThenInclude(a => a.Agency)
            .Include(r => r.FileReviews)
            .Include(r => r.StageEvents)
            .Include(r => r.Team)
            .Include(r => r.TimelineChanges)
            .Include(r => r.MilestoneRecords)
            .AsSplitQuery();

    private static IEnumerable<CaseDeadline> Visible(Principal principal, Review review, ReviewAccess access, WorkingCalendar calendar,
        DateTimeOffset now)
    {
        if (access == ReviewAccess.None)
        {
            yield break;
        }
        // Agency staff see only their own agency's deadlines: its records and its file review.
        var agencies = access == ReviewAccess.Full ? null : ReviewAccessRules.AgenciesActingFor(principal, review);
        foreach (var deadline in All(review, calendar))
        {
            if (agencies is null || (deadline.AgencyId is { } agencyId && agencies.Contains(agencyId)))
            {
                yield return new CaseDeadline(review.Id, review.Reference, review.BoardId, review.Board?.Name ?? "", deadline, deadline.StateAt(now),
                    DeadlineResponsibility.TeamOwnersOf(deadline.Kind, review.Team));
            }
        }
    }
}
