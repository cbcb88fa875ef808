using Scr.Core.Models;
using Scr.Core.Rules.Calendar;

namespace Scr.Core.Rules.Timescales;

/// <summary>
/// One milestone of a review's timetable: the date the rules give (<see cref="OriginalDueDate"/>), the date the chair
/// agreed instead if any (<see cref="Agreed"/>), a change waiting for the chair (<see cref="Pending"/>), and when it was
/// done (<see cref="Record"/>). <see cref="Deadline"/> is the milestone as a deadline, due by the end of the date in force,
/// so it flows with the stage 1 deadlines into the dashboard, reminders and calendar feeds.
/// </summary>
public sealed record Milestone(Deadline Deadline, DateOnly OriginalDueDate, TimelineChange? Agreed, TimelineChange? Pending, MilestoneRecord? Record)
{
    public DeadlineKind Kind => Deadline.Kind;
    public DeadlineRule Rule => Deadline.Rule;
    public string Key => Deadline.Key;
    public string Title => Deadline.Title;

    /// <summary>The date in force: the agreed date when the chair agreed a change, otherwise the one the rules give.</summary>
    public DateOnly DueDate => Deadline.DueDate;

    /// <summary>Whether the chair agreed a date other than the one the rules give.</summary>
    public bool IsMoved => Agreed is not null && DueDate != OriginalDueDate;

    public DeadlineState StateAt(DateTimeOffset now) => Deadline.StateAt(now);
}

/// <summary>
/// A review's milestones, computed from the decision to hold it and the case's rule set (<see cref="TimescaleRuleSet.Milestones"/>
/// in <see cref="Deadlines"/>), the changes of timeline the chair agreed, and what was recorded as done. Pure: the one
/// place these dates are worked out, for the timetable, the board's chart, the deadlines, reminders and the API.
/// </summary>
public static class Milestones
{
    private static readonly string[] InitiatingActions = [Lifecycle.Initiate.Key, Lifecycle.CommissionLearningReview.Key, Lifecycle.Reconsider.Key];

    /// <summary>
    /// When the chair decided to hold the review (a serious case review or a learning review; the first time, if the
    /// decision was reconsidered), or null when there is no such decision.
    /// </summary>
    public static DateTimeOffset? DecisionToInitiateAt(Review review) =>
        review.StageEvents.Where(e => InitiatingActions.Contains(e.ActionKey)).Select(e => (DateTimeOffset?)e.At).Min()
        ?? (review.Decision is DecisionOutcome.InitiateSeriousCaseReview or DecisionOutcome.CommissionLearningReview ? review.DecidedAt : null);

    /// <summary>The UK date the milestones count from.</summary>
    public static DateOnly? DecisionToInitiateOn(Review review) => DecisionToInitiateAt(review) is { } at ? UkTime.DateOf(at) : null;

    /// <summary>The milestone's key in addresses, the API and reminders: "first-early-learning", "review-completed"…</summary>
    public static string KeyOf(DeadlineKind kind) => kind switch
    {
        DeadlineKind.FirstEarlyLearning => "first-early-learning",
        DeadlineKind.SecondEarlyLearning => "second-early-learning",
        DeadlineKind.ThirdEarlyLearning => "third-early-learning",
        DeadlineKind.ReviewCompleted => "review-completed",
        DeadlineKind.DraftToBoard => "draft-to-board",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a milestone."),
    };

    /// <summary>The milestone of the case's rule set with this key, or null.</summary>
    public static DeadlineRule? Find(Review review, string? key) =>
        Deadlines.For(review.Guidance).Milestones.FirstOrDefault(m => KeyOf(m.Kind) == key);

    /// <summary>The milestone of the case's rule set of this kind, or null.</summary>
    public static DeadlineRule? Find(Review review, DeadlineKind kind) => Deadlines.For(review.Guidance).Milestones.FirstOrDefault(m => m.Kind == kind);

    /// <summary>Every milestone of the review, in order; none before the chair decides to hold it.</summary>
    public static IReadOnlyList<Milestone> For(Review review, WorkingCalendar calendar)
    {
        if (DecisionToInitiateOn(review) is not { } decided)
        {
            return [];
        }
        var milestones = new List<Milestone>();
        foreach (var rule in Deadlines.For(review.Guidance).Milestones)
        {
            var original = UkTime.DateOf(Deadlines.DueFrom(rule, decided, calendar));
            var changes = review.TimelineChanges.Where(c => c.Milestone == rule.Kind).ToList();
            var agreed = changes.Where(c => c.Status == TimelineChangeStatus.Approved).MaxBy(c => c.DecidedAt);
            var pending = changes.FirstOrDefault(c => c.Status == TimelineChangeStatus.Proposed);
            var record = review.MilestoneRecords.FirstOrDefault(r => r.Milestone == rule.Kind);
            var due = agreed?.ProposedDate ?? original;
            var deadline = new Deadline(review.Id, KeyOf(rule.Kind), rule, null, null, UkTime.EndOf(due),
                record is null ? null : UkTime.StartOf(record.DoneOn), review.IsOpen, record?.DoneOn);
            milestones.Add(new Milestone(deadline, original, agreed, pending, record));
        }
        return milestones;
    }

    /// <summary>
    /// What refuses a proposed change of a milestone's date, or nothing. The date may move either way, but not before the
    /// decision, not into the past and not to the date already in force; a milestone that is done keeps its date, and one
    /// change at a time waits for the chair.
    /// </summary>
    public static IReadOnlyList<RuleProblem> CheckChange(Review review, string? milestoneKey, DateOnly? proposed, string? reason, DateOnly today,
        WorkingCalendar calendar)
    {
        var problems = new List<RuleProblem>();
        if (!review.IsOpen)
        {
            problems.Add(new(null, "The review is closed: its timetable can no longer change."));
            return problems;
        }
        if (DecisionToInitiateOn(review) is not { } decided)
        {
            problems.Add(new(null, "The chair has not decided to hold a review: there is no timetable to change yet."));
            return problems;
        }
        var milestone = For(review, calendar).FirstOrDefault(m => m.Key == milestoneKey);
        if (milestone is null)
        {
            problems.Add(new("milestone", "Select a milestone of this review's timetable"));
            return problems;
        }
        if (milestone.Record is not null)
        {
            problems.Add(new("milestone", $"“{milestone.Title}” is done: its date can no longer change"));
        }
        else if (milestone.Pending is not null)
        {
            problems.Add(new("milestone", $"A change to “{milestone.Title}” is already waiting for the chair's agreement"));
        }
        if (proposed is not { } date)
        {
            problems.Add(new("proposedDate", "Enter the new date"));
        }
        else if (date <= decided)
        {
            problems.Add(new("proposedDate", $"The new date must be after the decision to hold the review ({Labels.Date(decided)})"));
        }
        else if (date < today)
        {
            problems.Add(new("proposedDate", "The new date must be today or in the future"));
        }
        else if (date == milestone.DueDate)
        {
            problems.Add(new("proposedDate", $"The new date must differ from the date in force now ({Labels.Date(milestone.DueDate)})"));
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            problems.Add(new("reason", "Enter why the date should change"));
        }
        else if (reason.Trim().Length > TimelineChange.TextMaxLength)
        {
            problems.Add(new("reason", "The reason must be 2,000 characters or fewer"));
        }
        return problems;
    }

    /// <summary>What refuses the chair's answer to a proposed change, or nothing: a refusal says why.</summary>
    public static IReadOnlyList<RuleProblem> CheckDecision(TimelineChange change, bool approve, string? note)
    {
        var problems = new List<RuleProblem>();
        if (change.Status != TimelineChangeStatus.Proposed)
        {
            problems.Add(new(null, $"This change was {Labels.Of(change.Status).ToLowerInvariant()} on {Labels.DateTime(change.DecidedAt!.Value)}."));
            return problems;
        }
        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            problems.Add(new("note", "Enter why you refuse the change"));
        }
        else if (note is not null && note.Trim().Length > TimelineChange.TextMaxLength)
        {
            problems.Add(new("note", "The note must be 2,000 characters or fewer"));
        }
        return problems;
    }

    /// <summary>What refuses recording a milestone as done on a date, or nothing.</summary>
    public static IReadOnlyList<RuleProblem> CheckRecord(Review review, string? milestoneKey, DateOnly? doneOn, string? note, DateOnly today)
    {
        var problems = new List<RuleProblem>();
        if (!review.IsOpen)
        {
            problems.Add(new(null, "The review is closed: its timetable can no longer change."));
            return problems;
        }
        if (DecisionToInitiateOn(review) is not { } decided)
        {
            problems.Add(new(null, "The chair has not decided to hold a review: there are no milestones yet."));
            return problems;
        }
        if (Find(review, milestoneKey) is null)
        {
            problems.Add(new("milestone", "Select a milestone of this review's timetable"));
        }
        if (doneOn is not { } date)
        {
            problems.Add(new("doneOn", "Enter the date it was done"));
        }
        else if (date < decided)
        {
            problems.Add(new("doneOn", $"The date must be on or after the decision to hold the review ({Labels.Date(decided)})"));
        }
        else if (date > today)
        {
            problems.Add(new("doneOn", "The date must be today or in the past"));
        }
        if (note is not null && note.Trim().Length > TimelineChange.TextMaxLength)
        {
            problems.Add(new("note", "The note must be 2,000 characters or fewer"));
        }
        return problems;
    }
}

/// <summary>A constraint that will still be in force on the date a milestone is due, holding back what the milestone needs.</summary>
public sealed record MilestoneConflict(Milestone Milestone, ConstraintInForce Constraint);

/// <summary>Where a review's milestones meet its parallel processes.</summary>
public static class MilestoneConflicts
{
    /// <summary>
    /// For each milestone not yet done that needs an activity (<see cref="DeadlineRule.Needs"/>: sharing the draft,
    /// publication), the constraints in force on its due date that hold that activity back, so the timetable can warn
    /// before the date comes.
    /// </summary>
    public static IReadOnlyList<MilestoneConflict> Of(IEnumerable<Milestone> milestones, IEnumerable<ParallelProcess> processes)
    {
        var all = processes.ToList();
        return milestones.Where(m => m.Record is null && m.Rule.Needs is not null)
            .SelectMany(m => ParallelProcessRules.InForce(all, m.DueDate, m.Rule.Needs!.Value).Select(c => new MilestoneConflict(m, c)))
            .ToList();
    }
}
