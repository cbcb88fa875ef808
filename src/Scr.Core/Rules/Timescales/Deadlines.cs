using Scr.Core.Models;
using Scr.Core.Rules.Calendar;

namespace Scr.Core.Rules.Timescales;

/// <summary>What a deadline is about.</summary>
public enum DeadlineKind
{
    /// <summary>The chair has the notification of a child's death (seed 000 Stage 1: within 48 hours).</summary>
    ChairHasNotification,

    /// <summary>An agency has secured its records (WT2006 8.21: at once).</summary>
    RecordsSecured,

    /// <summary>An agency has sent its short file review (seed 000 Stage 1: within the first 7 days of the incident).</summary>
    FileReview,

    /// <summary>The serious incident is notified to the National Panel (current guidance: 5 working days).</summary>
    IncidentNotifiedToPanel,

    /// <summary>The chair decides whether to hold a review (WT2006 8.14: one month; current guidance: rapid review, 15 working days).</summary>
    Decision,

    // Milestones of a review, counted from the decision to hold it (see Milestones).

    /// <summary>Early learning to the chair and the director of children's services, about 4 weeks in (seed 000 Stage 3a).</summary>
    FirstEarlyLearning,

    /// <summary>Early learning again, about 8 weeks in (seed 000 Stage 3a).</summary>
    SecondEarlyLearning,

    /// <summary>Early learning again, about 4 months in (seed 000 Stage 3a).</summary>
    ThirdEarlyLearning,

    /// <summary>The review is complete (WT2006 8.15: 4 months; current guidance: completed and published in 6 months).</summary>
    ReviewCompleted,

    /// <summary>The draft report goes to the board, whatever parallel processes remain (seed 000 Stage 6: 6 months).</summary>
    DraftToBoard,
}

/// <summary>What a deadline is counted from.</summary>
public enum DeadlineAnchor
{
    /// <summary>The moment the notification reached the board through the service.</summary>
    Notified,

    /// <summary>The moment an agency was asked to secure its records.</summary>
    RecordsRequested,

    /// <summary>The date of the incident.</summary>
    IncidentDate,

    /// <summary>The date the incident came to the board's attention.</summary>
    KnownToBoard,

    /// <summary>The date the case came to the chair's attention: the day the service sent it to the chair.</summary>
    ChairAware,

    /// <summary>The UK date of the chair's decision to hold the review (or a learning review): a review's milestones.</summary>
    DecisionToInitiate,
}

public enum PeriodUnit
{
    Hours,
    CalendarDays,
    WorkingDays,
    CalendarMonths,
    Weeks,
}

/// <summary>A length of time as guidance states it: "48 hours", "7 days", "5 working days", "one month".</summary>
public sealed record Period(int Amount, PeriodUnit Unit)
{
    public override string ToString() => Unit switch
    {
        PeriodUnit.Hours => $"{Amount} hours",
        PeriodUnit.CalendarDays => $"{Amount} days",
        PeriodUnit.WorkingDays => $"{Amount} working days",
        PeriodUnit.CalendarMonths => Amount == 1 ? "one month" : $"{Amount} months",
        PeriodUnit.Weeks => Amount == 1 ? "one week" : $"{Amount} weeks",
        _ => throw new ArgumentOutOfRangeException(nameof(Unit)),
    };
}

/// <summary>
/// One timescale of a rule set: what must be done, by when, counted from what, and where the rule comes from. A milestone
/// that needs an activity a parallel process may constrain (sharing the draft, publication) names it in <paramref name="Needs"/>.
/// </summary>
public sealed record DeadlineRule(DeadlineKind Kind, string Title, string Basis, Period Period, DeadlineAnchor Anchor, TimeSpan ReminderLead,
    Func<Review, bool>? AppliesWhen = null, ConstrainedActivity? Needs = null);

public enum DeadlineState
{
    Due,
    DueSoon,
    Overdue,
    Done,
    DoneLate,

    /// <summary>Not done, and past the point where it can be (the chair has decided).</summary>
    Missed,
}

/// <summary>
/// A deadline of one case, computed from the case's facts; never typed in. A review's milestone is done on a date someone
/// records (<paramref name="DoneOn"/>), not at a moment the service saw.
/// </summary>
public sealed record Deadline(Guid ReviewId, string Key, DeadlineRule Rule, Guid? AgencyId, string? AgencyName, DateTimeOffset Due,
    DateTimeOffset? DoneAt, bool StillOpen, DateOnly? DoneOn = null)
{
    public DeadlineKind Kind => Rule.Kind;

    /// <summary>A milestone of the review's timetable, counted from the decision to hold it (see <see cref="Milestones"/>).</summary>
    public bool IsMilestone => Rule.Anchor == DeadlineAnchor.DecisionToInitiate;

    public string Title => AgencyName is null ? Rule.Title : $"{Rule.Title}: {AgencyName}";

    public bool IsDone => DoneAt is not null;

    /// <summary>Due by the end of a UK day (days, working days, months), not at a moment (hours).</summary>
    public bool IsAllDay => Rule.Period.Unit != PeriodUnit.Hours;

    /// <summary>The UK date it is due on.</summary>
    public DateOnly DueDate => UkTime.DateOf(Due);

    public DeadlineState StateAt(DateTimeOffset now) => DoneAt switch
    {
        { } done => done <= Due ? DeadlineState.Done : DeadlineState.DoneLate,
        null when !StillOpen => DeadlineState.Missed,
        null when now > Due => DeadlineState.Overdue,
        null when now >= Due - Rule.ReminderLead => DeadlineState.DueSoon,
        _ => DeadlineState.Due,
    };
}

/// <summary>
/// The timescales of one edition (or family of editions) of Working Together: the deadlines of stage 1, and the
/// milestones of a review counted from the decision to hold it (<see cref="Milestones"/>).
/// </summary>
public sealed class TimescaleRuleSet(string id, string name, IReadOnlyList<GuidanceEdition> editions, IReadOnlyList<DeadlineRule> rules,
    IReadOnlyList<DeadlineRule>? milestones = null)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public IReadOnlyList<GuidanceEdition> Editions { get; } = editions;
    public IReadOnlyList<DeadlineRule> Rules { get; } = rules;

    /// <summary>The review's milestones, in the order they fall; each counted from <see cref="DeadlineAnchor.DecisionToInitiate"/>.</summary>
    public IReadOnlyList<DeadlineRule> Milestones { get; } = milestones ?? [];

    /// <summary>The milestone a review's timetable runs to: the draft to the board where the set has one, else completion.</summary>
    public DeadlineRule? FinalMilestone =>
        Milestones.FirstOrDefault(m => m.Kind == DeadlineKind.DraftToBoard) ?? Milestones.FirstOrDefault(m => m.Kind == DeadlineKind.ReviewCompleted);
}

/// <summary>
/// The timescales of stage 1 by guidance edition, and the deadlines they give a case. The one place these rules live;
/// the dashboard, the task list, reminders and calendar feeds all read them from here.
/// </summary>
public static class Deadlines
{
    private static bool IsDeath(Review r) => CommunicationRules.ChildDied(r);

    // Seed 000 (2015) gives the 48-hour, "at once" and 7-day suggestions; they hold whatever the edition.
    private static readonly DeadlineRule ChairHasNotification = new(DeadlineKind.ChairHasNotification,
        "Chair has the notification of the child's death",
        "Managing serious case reviews (2015), stage 1: child deaths are reported to the chair within 48 hours",
        new Period(48, PeriodUnit.Hours), DeadlineAnchor.Notified, TimeSpan.FromHours(24), IsDeath);

    private static readonly DeadlineRule RecordsSecured = new(DeadlineKind.RecordsSecured,
        "Records secured",
        "Working Together 2006, 8.21: each organisation secures its records at once (taken as by the end of the next working day)",
        new Period(1, PeriodUnit.WorkingDays), DeadlineAnchor.RecordsRequested, TimeSpan.FromHours(12));

    private static readonly DeadlineRule FileReview = new(DeadlineKind.FileReview,
        "Short file review sent",
        "Managing serious case reviews (2015), stage 1: short file reviews within the first 7 days of the incident",
        new Period(7, PeriodUnit.CalendarDays), DeadlineAnchor.IncidentDate, TimeSpan.FromDays(2));

    // Seed 000 (2015), stage 3a: the lead reviewer takes the early learning to the chair, the director of children's
    // services and the board's executive within the first 4 weeks, 8 weeks and 4 months "(or similar)". Suggestions that
    // hold whatever the edition, as the 48 hours above.
    private static DeadlineRule EarlyLearning(DeadlineKind kind, string when, Period period) => new(kind,
        $"Early learning shared with the chair and the director of children's services ({when})",
        $"Managing serious case reviews (2015), stage 3a: the lead reviewer takes early learning to the chair and the director of "
        + $"children's services within the first {period} of the decision",
        period, DeadlineAnchor.DecisionToInitiate, TimeSpan.FromDays(7));

    private static readonly DeadlineRule FirstEarlyLearning = EarlyLearning(DeadlineKind.FirstEarlyLearning, "4 weeks", new Period(4, PeriodUnit.Weeks));
    private static readonly DeadlineRule SecondEarlyLearning = EarlyLearning(DeadlineKind.SecondEarlyLearning, "8 weeks", new Period(8, PeriodUnit.Weeks));
    private static readonly DeadlineRule ThirdEarlyLearning = EarlyLearning(DeadlineKind.ThirdEarlyLearning, "4 months", new Period(4, PeriodUnit.CalendarMonths));

    public static TimescaleRuleSet Wt2006 { get; } = new("wt2006", "Working Together 2006",
        [GuidanceEdition.Wt1999, GuidanceEdition.Wt2006, GuidanceEdition.Wt2010, GuidanceEdition.Wt2013, GuidanceEdition.Wt2015,
            GuidanceEdition.Wales2012, GuidanceEdition.NotKnown],
        [
            ChairHasNotification, RecordsSecured, FileReview,
            new DeadlineRule(DeadlineKind.Decision, "Chair's decision on whether to hold a review",
                "Working Together 2006, 8.14: within one month of the case coming to the chair's attention",
                new Period(1, PeriodUnit.CalendarMonths), DeadlineAnchor.ChairAware, TimeSpan.FromDays(7)),
        ],
        [
            FirstEarlyLearning, SecondEarlyLearning, ThirdEarlyLearning,
            new DeadlineRule(DeadlineKind.ReviewCompleted, "Review completed",
                "Working Together 2006, 8.15: reviews are completed within 4 months of the chair's decision to initiate, unless another "
                + "timescale is agreed",
                new Period(4, PeriodUnit.CalendarMonths), DeadlineAnchor.DecisionToInitiate, TimeSpan.FromDays(14)),
            new DeadlineRule(DeadlineKind.DraftToBoard, "Draft report presented to the board",
                "Managing serious case reviews (2015), stage 6: the draft goes to the board within 6 months, whatever parallel processes "
                + "such as a trial or an inquest remain",
                new Period(6, PeriodUnit.CalendarMonths), DeadlineAnchor.DecisionToInitiate, TimeSpan.FromDays(14),
                Needs: ConstrainedActivity.SharingDraft),
        ]);

    public static TimescaleRuleSet Current { get; } = new("wt2018", "Working Together 2018 and 2023",
        [GuidanceEdition.Wt2018, GuidanceEdition.Wt2023],
        [
            ChairHasNotification, RecordsSecured, FileReview,
            new DeadlineRule(DeadlineKind.IncidentNotifiedToPanel, "Serious incident notified to the National Panel",
                "Working Together 2018 and 2023: the local authority notifies the Panel within 5 working days of becoming aware",
                new Period(5, PeriodUnit.WorkingDays), DeadlineAnchor.KnownToBoard, TimeSpan.FromDays(2)),
            new DeadlineRule(DeadlineKind.Decision, "Rapid review and decision on whether to hold a review",
                "Working Together 2018 and 2023: a rapid review within 15 working days of becoming aware",
                new Period(15, PeriodUnit.WorkingDays), DeadlineAnchor.KnownToBoard, TimeSpan.FromDays(3)),
        ],
        [
            FirstEarlyLearning, SecondEarlyLearning, ThirdEarlyLearning,
            // Not in the seeds, which predate 2018: Working Together 2018 (chapter 4) and 2023 (chapter 5) ask the
            // safeguarding partners to complete a local child safeguarding practice review and publish its final report
            // within 6 months of deciding to initiate it. The report is then the board's draft no longer, so there is no
            // separate "draft to the board" milestone.
            new DeadlineRule(DeadlineKind.ReviewCompleted, "Review completed and final report published",
                "Working Together 2018 (chapter 4) and 2023 (chapter 5): a local child safeguarding practice review is completed and "
                + "its final report published within 6 months of the decision to initiate it",
                new Period(6, PeriodUnit.CalendarMonths), DeadlineAnchor.DecisionToInitiate, TimeSpan.FromDays(14),
                Needs: ConstrainedActivity.Publication),
        ]);

    public static IReadOnlyList<TimescaleRuleSet> All { get; } = [Wt2006, Current];

    public static TimescaleRuleSet For(GuidanceEdition edition) => All.First(s => s.Editions.Contains(edition));

    private static readonly string[] DecisionActions = [Lifecycle.Initiate.Key, Lifecycle.CommissionLearningReview.Key, Lifecycle.DoNotInitiate.Key];

    /// <summary>When the chair first decided, if they have.</summary>
    public static DateTimeOffset? FirstDecisionAt(Review review) =>
        review.StageEvents.Where(e => DecisionActions.Contains(e.ActionKey)).Select(e => (DateTimeOffset?)e.At).Min()
        ?? review.DecidedAt;

    /// <summary>The day the case came to the chair's attention.</summary>
    public static DateOnly ChairAwareOn(Review review) => UkTime.DateOf(review.ChairNotifiedAt ?? review.CreatedAt);

    /// <summary>Every stage 1 deadline of the case under its guidance edition's rules.</summary>
    public static IReadOnlyList<Deadline> For(Review review, WorkingCalendar calendar)
    {
        var set = For(review.Guidance);
        var decidedAt = FirstDecisionAt(review);
        var stillOpen = decidedAt is null && review.IsAwaitingDecision;
        var deadlines = new List<Deadline>();
        foreach (var rule in set.Rules.Where(r => r.AppliesWhen?.Invoke(review) ?? true))
        {
            switch (rule.Kind)
            {
                case DeadlineKind.RecordsSecured:
                    foreach (var agency in review.Agencies.OrderBy(a => a.Agency?.Name))
                    {
                        deadlines.Add(new Deadline(review.Id, $"records-secured:{agency.AgencyId:N}", rule, agency.AgencyId, agency.Agency?.Name,
                            DueFrom(rule, agency.RecordsRequestedAt, calendar), agency.RecordsSecuredAt, stillOpen));
                    }
                    break;
                case DeadlineKind.FileReview:
                    foreach (var agency in review.Agencies.OrderBy(a => a.Agency?.Name))
                    {
                        deadlines.Add(new Deadline(review.Id, $"file-review:{agency.AgencyId:N}", rule, agency.AgencyId, agency.Agency?.Name,
                            DueFrom(rule, review.IncidentDate, calendar), review.FileReviewOf(agency.AgencyId)?.SubmittedAt, stillOpen));
                    }
                    break;
                case DeadlineKind.ChairHasNotification:
                    deadlines.Add(new Deadline(review.Id, "chair-has-notification", rule, null, null,
                        DueFrom(rule, review.CreatedAt, calendar), review.ChairAcknowledgedAt, stillOpen));
                    break;
                case DeadlineKind.IncidentNotifiedToPanel:
                    deadlines.Add(new Deadline(review.Id, "incident-notified-to-panel", rule, null, null,
                        DueFrom(rule, review.KnownToBoardOn, calendar), review.IncidentNotifiedToPanelAt, stillOpen));
                    break;
                case DeadlineKind.Decision:
                    var anchor = rule.Anchor == DeadlineAnchor.ChairAware ? ChairAwareOn(review) : review.KnownToBoardOn;
                    deadlines.Add(new Deadline(review.Id, "decision", rule, null, null, DueFrom(rule, anchor, calendar), decidedAt, stillOpen));
                    break;
                default:
                    throw new InvalidOperationException($"No deadline computation for {rule.Kind}.");
            }
        }
        return deadlines.OrderBy(d => d.Due).ThenBy(d => d.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>The deadline counted from an instant: hours run from the instant, days from the UK date it falls on.</summary>
    public static DateTimeOffset DueFrom(DeadlineRule rule, DateTimeOffset from, WorkingCalendar calendar) =>
        rule.Period.Unit == PeriodUnit.Hours ? from.AddHours(rule.Period.Amount) : DueFrom(rule, UkTime.DateOf(from), calendar);

    /// <summary>The deadline counted from a date: the end of the UK day it falls on.</summary>
    public static DateTimeOffset DueFrom(DeadlineRule rule, DateOnly from, WorkingCalendar calendar) => rule.Period.Unit switch
    {
        PeriodUnit.Hours => UkTime.StartOf(from).AddHours(rule.Period.Amount),
        PeriodUnit.CalendarDays => UkTime.EndOf(from.AddDays(rule.Period.Amount)),
        PeriodUnit.Weeks => UkTime.EndOf(from.AddDays(7 * rule.Period.Amount)),
        PeriodUnit.WorkingDays => UkTime.EndOf(calendar.AddWorkingDays(from, rule.Period.Amount)),
        // DateOnly.AddMonths keeps the day, or takes the month's last day when it is shorter (31 January → 28 or 29 February).
        PeriodUnit.CalendarMonths => UkTime.EndOf(from.AddMonths(rule.Period.Amount)),
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };
}
