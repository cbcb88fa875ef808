using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;

namespace Scr.Core.Models;

/// <summary>The review's timetable: parallel processes and their constraints, milestones done, changes of timeline.</summary>
public partial class Review
{
    private readonly List<ParallelProcess> _parallelProcesses = [];
    private readonly List<TimelineChange> _timelineChanges = [];
    private readonly List<MilestoneRecord> _milestoneRecords = [];

    public IReadOnlyList<ParallelProcess> ParallelProcesses => _parallelProcesses;
    public IReadOnlyList<TimelineChange> TimelineChanges => _timelineChanges;
    public IReadOnlyList<MilestoneRecord> MilestoneRecords => _milestoneRecords;

    private void RequireOpen()
    {
        if (!IsOpen)
        {
            throw new RuleViolationException("The review is closed: its timetable can no longer change.");
        }
    }

    public ParallelProcess FindParallelProcess(Guid processId) => _parallelProcesses.FirstOrDefault(p => p.Id == processId)
        ?? throw new Services.NotFoundException("The parallel process");

    public ParallelProcess AddParallelProcess(ParallelProcessDetails details, Guid by, DateTimeOffset now)
    {
        RequireOpen();
        var process = new ParallelProcess(details, by, now);
        _parallelProcesses.Add(process);
        return process;
    }

    public void ChangeParallelProcess(Guid processId, ParallelProcessDetails details, Guid by, DateTimeOffset now)
    {
        RequireOpen();
        FindParallelProcess(processId).Change(details, by, now);
    }

    public ProcessConstraint AddConstraint(Guid processId, ConstraintDetails details, Guid by, DateTimeOffset now)
    {
        RequireOpen();
        return FindParallelProcess(processId).AddConstraint(details, by, now);
    }

    public void ChangeConstraint(Guid processId, Guid constraintId, ConstraintDetails details, Guid by, DateTimeOffset now)
    {
        RequireOpen();
        FindParallelProcess(processId).ChangeConstraint(constraintId, details, by, now);
    }

    public void RemoveConstraint(Guid processId, Guid constraintId, Guid by, DateTimeOffset now)
    {
        RequireOpen();
        FindParallelProcess(processId).RemoveConstraint(constraintId, by, now);
    }

    /// <summary>Records a milestone as done on a date, or corrects the date recorded. The caller has checked it (<see cref="Milestones.CheckRecord"/>).</summary>
    public MilestoneRecord RecordMilestone(DeadlineKind milestone, DateOnly doneOn, string? note, Guid by, DateTimeOffset now)
    {
        RequireOpen();
        var existing = _milestoneRecords.FirstOrDefault(r => r.Milestone == milestone);
        if (existing is not null)
        {
            existing.Update(doneOn, note, by, now);
            return existing;
        }
        var record = new MilestoneRecord(milestone, doneOn, note, by, now);
        _milestoneRecords.Add(record);
        return record;
    }

    /// <summary>Proposes a new date for a milestone. The caller has checked it (<see cref="Milestones.CheckChange"/>).</summary>
    public TimelineChange ProposeTimelineChange(DeadlineKind milestone, DateOnly dateBefore, DateOnly proposedDate, string reason, Guid by,
        DateTimeOffset now)
    {
        RequireOpen();
        if (_timelineChanges.Any(c => c.Milestone == milestone && c.Status == TimelineChangeStatus.Proposed))
        {
            throw new RuleViolationException("A change to this milestone is already waiting for the chair's agreement.");
        }
        var change = new TimelineChange(milestone, dateBefore, proposedDate, reason, by, now);
        _timelineChanges.Add(change);
        return change;
    }

    public TimelineChange FindTimelineChange(Guid changeId) => _timelineChanges.FirstOrDefault(c => c.Id == changeId)
        ?? throw new Services.NotFoundException("The change of timeline");
}
