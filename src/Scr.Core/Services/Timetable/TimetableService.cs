using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Calendar;
using Scr.Core.Services.Messages;
using Scr.Core.Services.Reviews;

namespace Scr.Core.Services.Timetable;

/// <summary>
/// A review's timetable as one person may see and change it: the milestones (from the decision and the case's rule set,
/// with the dates the chair agreed), the changes of timeline, the parallel processes with their constraints, the
/// constraints in force today, and where a constraint will still hold back what a milestone needs.
/// </summary>
public sealed record TimetableView(ReviewView View, TimescaleRuleSet RuleSet, DateOnly? DecisionOn, IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<TimelineChange> Changes, IReadOnlyList<ParallelProcess> Processes, IReadOnlyList<ConstraintInForce> InForceToday,
    IReadOnlyList<MilestoneConflict> Conflicts, DateOnly Today, DateTimeOffset Now, IReadOnlyDictionary<Guid, string> People,
    bool MayEdit, bool MayPropose, bool MayDecide)
{
    public Review Review => View.Review;

    public string NameOf(Guid? userId) => userId is { } id && People.TryGetValue(id, out var name) ? name : "Unknown";

    public Milestone? MilestoneOf(DeadlineKind kind) => Milestones.FirstOrDefault(m => m.Kind == kind);

    public IEnumerable<TimelineChange> Pending => Changes.Where(c => c.Status == TimelineChangeStatus.Proposed);
}

/// <summary>One review of a board's timetable: its milestones, parallel processes and the constraints in force today.</summary>
public sealed record BoardTimetableRow(Review Review, DateOnly DecisionOn, IReadOnlyList<Milestone> Milestones, IReadOnlyList<ConstraintInForce> InForceToday)
{
    /// <summary>The milestone the review runs to (the draft to the board, or completion and publication).</summary>
    public Milestone? Final => Rules.Timescales.Deadlines.For(Review.Guidance).FinalMilestone is { } rule ? Milestones.FirstOrDefault(m => m.Kind == rule.Kind) : null;
}

/// <summary>Every open review of a board past the decision to hold it, earliest decision first.</summary>
public sealed record BoardTimetable(Guid BoardId, string BoardName, IReadOnlyList<(Guid Id, string Name)> Boards, IReadOnlyList<BoardTimetableRow> Rows,
    DateOnly Today, DateTimeOffset Now);

/// <summary>
/// The review's timetable (seed 000 stages 3–4; WT2006 8.15–8.16): parallel processes and their constraints, milestones
/// recorded as done, changes of timeline proposed and agreed by the chair, and the board's timetable of all its reviews.
/// Who may do what is <see cref="ReviewAccessRules"/>; the dates are <see cref="Milestones"/>; the constraints are
/// <see cref="ParallelProcessRules"/>. Every change is audited; so is every read of a timetable.
/// </summary>
public sealed class TimetableService(ScrDbContext db, ReviewService reviews, AuditLog audit, Messenger messenger, BankHolidayService bankHolidays,
    TimeProvider clock)
{
    private DateOnly Today => UkTime.DateOf(clock.GetUtcNow());

    /// <summary>The case's timetable for the board's people and the review team (the read is audited); others are refused.</summary>
    public async Task<TimetableView> GetAsync(Guid id, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: false, cancellationToken);
        if (!ReviewAccessRules.MaySeeTimetable(view.Access))
        {
            throw new ForbiddenException("Only the board and the review team see the review's timetable.");
        }
        await audit.RecordNowAsync(actor, AuditActions.TimetableRead, view.Review.BoardId, "review", id.ToString(), null, cancellationToken);
        return await BuildAsync(view, principal, cancellationToken);
    }

    private async Task<TimetableView> BuildAsync(ReviewView view, Principal principal, CancellationToken cancellationToken)
    {
        var review = view.Review;
        var calendar = await bankHolidays.CalendarAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = UkTime.DateOf(now);
        var milestones = Milestones.For(review, calendar);
        var processes = review.ParallelProcesses.OrderBy(p => p.HearingOn ?? p.StartedOn ?? DateOnly.MaxValue).ThenBy(p => p.RecordedAt).ToList();
        var people = new Guid?[] { }
            .Concat(review.ParallelProcesses.SelectMany(p => new Guid?[] { p.RecordedById, p.UpdatedById }))
            .Concat(review.TimelineChanges.SelectMany(c => new[] { (Guid?)c.ProposedById, c.DecidedById }))
            .Concat(review.MilestoneRecords.Select(r => (Guid?)r.RecordedById))
            .OfType<Guid>().Distinct().ToList();
        var names = people.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new TimetableView(view, Rules.Timescales.Deadlines.For(review.Guidance), Milestones.DecisionToInitiateOn(review), milestones,
            review.TimelineChanges.OrderByDescending(c => c.ProposedAt).ToList(), processes, ParallelProcessRules.InForce(processes, today),
            MilestoneConflicts.Of(milestones, processes), today, now, names,
            ReviewAccessRules.MayEditTimetable(principal, review), ReviewAccessRules.MayProposeTimelineChange(principal, review),
            ReviewAccessRules.MayDecideTimelineChange(principal, review));
    }

    /// <summary>
    /// The constraints in force on a date that hold back an activity of the review: the one question pages that plan
    /// interviews, family contact, sharing the draft or publication ask. Anyone who may see the case may ask: constraints
    /// are what everyone working on it must respect (the processes' own details stay on the timetable).
    /// </summary>
    public async Task<IReadOnlyList<ConstraintInForce>> ConstraintsInForceAsync(Guid id, DateOnly date, ConstrainedActivity activity, Principal principal,
        CancellationToken cancellationToken = default)
    {
        var review = await db.Reviews.AsNoTracking()
            .Include(r => r.Team)
            .Include(r => r.Agencies)
            .Include(r => r.ParallelProcesses).ThenInclude(p => p.Constraints)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null || !ReviewAccessRules.MaySeeConstraints(ReviewAccessRules.For(principal, ReviewAccessFacts.Of(review))))
        {
            throw new NotFoundException("The case");
        }
        return ParallelProcessRules.InForce(review.ParallelProcesses, date, activity);
    }

    public async Task<ParallelProcess> AddProcessAsync(Guid id, ParallelProcessInput input, IReadOnlyList<ConstraintInput>? constraints, Guid expectedVersion,
        Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var review = await EditableAsync(id, principal, cancellationToken);
        var (details, problems) = ParallelProcessRules.Check(input, Today);
        var all = problems.ToList();
        var checkedConstraints = (constraints ?? []).Select((c, i) => ParallelProcessRules.Check(c, $"constraints[{i}].")).ToList();
        all.AddRange(checkedConstraints.SelectMany(c => c.Problems));
        RuleViolationException.ThrowIfAny(all);
        reviews.ExpectVersion(review, expectedVersion);
        var now = clock.GetUtcNow();
        var process = review.AddParallelProcess(details!, principal.UserId, now);
        foreach (var constraint in checkedConstraints)
        {
            process.AddConstraint(constraint.Details!, principal.UserId, now);
        }
        audit.Record(actor, AuditActions.ParallelProcessAdded, review.BoardId, "parallel-process", process.Id.ToString(),
            $"review={review.Id}; kind={process.Kind}; constraints={process.Constraints.Count}");
        await reviews.SaveAsync(cancellationToken);
        return process;
    }

    public async Task ChangeProcessAsync(Guid id, Guid processId, ParallelProcessInput input, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var review = await EditableAsync(id, principal, cancellationToken);
        var process = review.FindParallelProcess(processId);
        var (details, problems) = ParallelProcessRules.Check(input, Today);
        RuleViolationException.ThrowIfAny(problems);
        reviews.ExpectVersion(review, expectedVersion);
        var before = Summary(process);
        review.ChangeParallelProcess(processId, details!, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.ParallelProcessChanged, review.BoardId, "parallel-process", process.Id.ToString(),
            $"review={review.Id}; before: {before}; after: {Summary(process)}");
        await reviews.SaveAsync(cancellationToken);
    }

    public async Task<ProcessConstraint> AddConstraintAsync(Guid id, Guid processId, ConstraintInput input, Guid expectedVersion, Principal principal,
        Actor actor, CancellationToken cancellationToken = default)
    {
        var review = await EditableAsync(id, principal, cancellationToken);
        review.FindParallelProcess(processId);
        var (details, problems) = ParallelProcessRules.Check(input);
        RuleViolationException.ThrowIfAny(problems);
        reviews.ExpectVersion(review, expectedVersion);
        var constraint = review.AddConstraint(processId, details!, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.ConstraintAdded, review.BoardId, "constraint", constraint.Id.ToString(),
            $"review={review.Id}; process={processId}; {Summary(constraint)}");
        await reviews.SaveAsync(cancellationToken);
        return constraint;
    }

    public async Task ChangeConstraintAsync(Guid id, Guid processId, Guid constraintId, ConstraintInput input, Guid expectedVersion, Principal principal,
        Actor actor, CancellationToken cancellationToken = default)
    {
        var review = await EditableAsync(id, principal, cancellationToken);
        var constraint = review.FindParallelProcess(processId).Constraint(constraintId);
        var (details, problems) = ParallelProcessRules.Check(input);
        RuleViolationException.ThrowIfAny(problems);
        reviews.ExpectVersion(review, expectedVersion);
        var before = Summary(constraint);
        review.ChangeConstraint(processId, constraintId, details!, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.ConstraintChanged, review.BoardId, "constraint", constraintId.ToString(),
            $"review={review.Id}; process={processId}; before: {before}; after: {Summary(constraint)}");
        await reviews.SaveAsync(cancellationToken);
    }

    public async Task RemoveConstraintAsync(Guid id, Guid processId, Guid constraintId, Guid expectedVersion, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var review = await EditableAsync(id, principal, cancellationToken);
        var constraint = review.FindParallelProcess(processId).Constraint(constraintId);
        reviews.ExpectVersion(review, expectedVersion);
        var removed = Summary(constraint);
        review.RemoveConstraint(processId, constraintId, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.ConstraintRemoved, review.BoardId, "constraint", constraintId.ToString(),
            $"review={review.Id}; process={processId}; {removed}");
        await reviews.SaveAsync(cancellationToken);
    }

    /// <summary>Records a milestone as done on a date (early learning shared, review completed, draft to the board), or corrects the date.</summary>
    public async Task<MilestoneRecord> RecordMilestoneAsync(Guid id, string? milestoneKey, DateOnly? doneOn, string? note, Guid expectedVersion,
        Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var review = await EditableAsync(id, principal, cancellationToken);
        RuleViolationException.ThrowIfAny(Milestones.CheckRecord(review, milestoneKey, doneOn, note, Today));
        reviews.ExpectVersion(review, expectedVersion);
        var rule = Milestones.Find(review, milestoneKey)!;
        var before = review.MilestoneRecords.FirstOrDefault(r => r.Milestone == rule.Kind)?.DoneOn;
        var record = review.RecordMilestone(rule.Kind, doneOn!.Value, note, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.MilestoneRecorded, review.BoardId, "review", review.Id.ToString(),
            $"milestone={milestoneKey}; doneOn={Iso(doneOn)}" + (before is null ? "" : $"; before={Iso(before)}"));
        await reviews.SaveAsync(cancellationToken);
        return record;
    }

    /// <summary>Proposes a new date for a milestone, with the reason; the chair is told it waits for their agreement.</summary>
    public async Task<TimelineChange> ProposeChangeAsync(Guid id, string? milestoneKey, DateOnly? proposedDate, string? reason, Guid expectedVersion,
        Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var review = (await reviews.LoadAsync(id, principal, tracking: true, cancellationToken)).Review;
        if (!review.IsOpen)
        {
            throw new RuleViolationException("The review is closed: its timetable can no longer change.");
        }
        if (!ReviewAccessRules.MayProposeTimelineChange(principal, review))
        {
            throw new ForbiddenException("Only the business unit, the review team or the chair can propose a change of timeline.");
        }
        var calendar = await bankHolidays.CalendarAsync(cancellationToken);
        RuleViolationException.ThrowIfAny(Milestones.CheckChange(review, milestoneKey, proposedDate, reason, Today, calendar));
        reviews.ExpectVersion(review, expectedVersion);
        var milestone = Milestones.For(review, calendar).First(m => m.Key == milestoneKey);
        var change = review.ProposeTimelineChange(milestone.Kind, milestone.DueDate, proposedDate!.Value, reason!, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.TimelineChangeProposed, review.BoardId, "timeline-change", change.Id.ToString(),
            $"review={review.Id}; milestone={milestoneKey}; from={Iso(change.DateBefore)}; to={Iso(change.ProposedDate)}");
        messenger.Tell(await messenger.HoldersAsync(review.BoardId, [Role.BoardChair], cancellationToken), review.Id,
            $"A change of timeline waits for your agreement: case {review.Reference}",
            $"{principal.Name} proposes moving “{milestone.Title}” from {Labels.Date(change.DateBefore)} to {Labels.Date(change.ProposedDate)}.",
            $"/cases/{review.Id}/timetable/changes/{change.Id}");
        await reviews.SaveAsync(cancellationToken);
        await messenger.SendQueuedAsync(cancellationToken);
        return change;
    }

    /// <summary>
    /// The chair agrees or refuses a proposed change, with a note (required to refuse). The proposer and the business
    /// unit are told; an agreed date replaces the milestone's date from now on.
    /// </summary>
    public async Task<TimelineChange> DecideChangeAsync(Guid id, Guid changeId, bool approve, string? note, Guid expectedVersion, Principal principal,
        Actor actor, CancellationToken cancellationToken = default)
    {
        var view = await reviews.LoadAsync(id, principal, tracking: true, cancellationToken);
        var review = view.Review;
        var change = review.FindTimelineChange(changeId);
        if (!ReviewAccessRules.MaySeeTimetable(view.Access))
        {
            throw new ForbiddenException("Only the board and the review team see the review's timetable.");
        }
        if (!ReviewAccessRules.IsChairOf(principal, review))
        {
            throw new ForbiddenException("Only the chair agrees a change of timeline.");
        }
        if (!review.IsOpen)
        {
            throw new RuleViolationException("The review is closed: its timetable can no longer change.");
        }
        RuleViolationException.ThrowIfAny(Milestones.CheckDecision(change, approve, note));
        reviews.ExpectVersion(review, expectedVersion);
        change.Decide(approve, note, principal.UserId, clock.GetUtcNow());
        audit.Record(actor, approve ? AuditActions.TimelineChangeApproved : AuditActions.TimelineChangeRefused, review.BoardId, "timeline-change",
            change.Id.ToString(), $"review={review.Id}; milestone={Milestones.KeyOf(change.Milestone)}; to={Iso(change.ProposedDate)}");
        var title = Milestones.Find(review, change.Milestone)?.Title ?? Milestones.KeyOf(change.Milestone);
        var recipients = (await messenger.HoldersAsync(review.BoardId, [Role.BusinessUnitOfficer], cancellationToken)).ToList();
        if (await db.Users.AsNoTracking().Where(u => u.Id == change.ProposedById && u.DisabledAt == null)
                .Select(u => new Recipient(u.Id, u.DisplayName, u.Email ?? "")).FirstOrDefaultAsync(cancellationToken) is { } proposer)
        {
            recipients.Add(proposer);
        }
        messenger.Tell(recipients.Where(r => r.UserId != principal.UserId).DistinctBy(r => r.UserId), review.Id,
            $"Change of timeline {(approve ? "agreed" : "refused")}: case {review.Reference}",
            approve
                ? $"The chair agreed to move “{title}” to {Labels.Date(change.ProposedDate)}."
                : $"The chair refused to move “{title}” to {Labels.Date(change.ProposedDate)}: it stays due by {Labels.Date(change.DateBefore)}.",
            $"/cases/{review.Id}/timetable");
        await reviews.SaveAsync(cancellationToken);
        await messenger.SendQueuedAsync(cancellationToken);
        return change;
    }

    /// <summary>A change of timeline of a case, for the chair's page; not found for anyone who may not see the timetable.</summary>
    public async Task<(TimetableView Timetable, TimelineChange Change)> GetChangeAsync(Guid id, Guid changeId, Principal principal, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var timetable = await GetAsync(id, principal, actor, cancellationToken);
        var change = timetable.Changes.FirstOrDefault(c => c.Id == changeId) ?? throw new NotFoundException("The change of timeline");
        return (timetable, change);
    }

    /// <summary>
    /// The board's timetable: every open review of one of the person's boards that is past the decision to hold it, with
    /// its milestones and the constraints in force today. For the board's business unit, chair and sub-group; the read is
    /// audited.
    /// </summary>
    public async Task<BoardTimetable> BoardAsync(Guid? boardId, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var boardIds = ReviewAccessRules.BoardTimetables(principal);
        if (boardIds.Count == 0)
        {
            throw new ForbiddenException("The board's timetable is for the board's business unit, chair and sub-group.");
        }
        var chosen = boardId ?? boardIds[0];
        if (!ReviewAccessRules.MaySeeBoardTimetable(principal, chosen))
        {
            throw new NotFoundException("The board");
        }
        var boards = await db.Organisations.AsNoTracking().Where(o => boardIds.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var cases = await db.Reviews.AsNoTracking()
            .Where(r => r.BoardId == chosen && r.Status == ReviewStatus.Open && r.Stage != ReviewStage.Identification)
            .Include(r => r.StageEvents)
            .Include(r => r.ParallelProcesses).ThenInclude(p => p.Constraints)
            .Include(r => r.TimelineChanges)
            .Include(r => r.MilestoneRecords)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var calendar = await bankHolidays.CalendarAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = UkTime.DateOf(now);
        var rows = cases
            .Select(r => (Review: r, DecisionOn: Milestones.DecisionToInitiateOn(r)))
            .Where(x => x.DecisionOn is not null)
            .Select(x => new BoardTimetableRow(x.Review, x.DecisionOn!.Value, Milestones.For(x.Review, calendar),
                ParallelProcessRules.InForce(x.Review.ParallelProcesses, today)))
            .OrderBy(r => r.DecisionOn).ThenBy(r => r.Review.Reference, StringComparer.Ordinal)
            .ToList();
        await audit.RecordNowAsync(actor, AuditActions.BoardTimetableRead, chosen, "board", chosen.ToString(), $"reviews={rows.Count}", cancellationToken);
        return new BoardTimetable(chosen, boards.First(b => b.Id == chosen).Name, boards.Select(b => (b.Id, b.Name)).ToList(), rows, today, now);
    }

    /// <summary>The case, tracked, for a change of its timetable by the business unit or the review team.</summary>
    private async Task<Review> EditableAsync(Guid id, Principal principal, CancellationToken cancellationToken)
    {
        var review = (await reviews.LoadAsync(id, principal, tracking: true, cancellationToken)).Review;
        if (!review.IsOpen)
        {
            throw new RuleViolationException("The review is closed: its timetable can no longer change.");
        }
        if (!ReviewAccessRules.MayEditTimetable(principal, review))
        {
            throw new ForbiddenException("Only the business unit and the review team keep the review's timetable.");
        }
        return review;
    }

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none";

    private static string Summary(ParallelProcess p) =>
        $"kind={p.Kind}; started={Iso(p.StartedOn)}; hearing={Iso(p.HearingOn)}; expectedEnd={Iso(p.ExpectedEndOn)}; ended={Iso(p.EndedOn)}";

    private static string Summary(ProcessConstraint c) =>
        $"activity={c.Activity}; starts={Iso(c.StartsOn)}; until={c.Until}; ends={Iso(c.EndsOn)}";
}
