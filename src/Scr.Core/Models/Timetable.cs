using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;

namespace Scr.Core.Models;

// The review's timetable (seed 000 stages 3 and 4; WT2006 8.15–8.16): other processes running beside the review and the
// limits they put on it, the milestones recorded as done, and the changes of timeline the chair agreed.

/// <summary>A process running beside the review (seed 000 Stage 4; WT2006 8.16).</summary>
public enum ParallelProcessKind
{
    PoliceInvestigation,
    CriminalProceedings,
    CoronersInquest,
    CareProceedings,
    DomesticHomicideReview,
    AdultReview,
    DisciplinaryProcess,
    OtherBoardReview,
    Other,
}

/// <summary>What the review does that a parallel process may hold back: later pages ask which constraints are in force.</summary>
public enum ConstrainedActivity
{
    /// <summary>Interviews of staff and witnesses (WT2006 8.16: risk of contaminating witnesses).</summary>
    Interviews,

    /// <summary>Meeting or contacting the family (seed 000 Stage 3c: work with the SIO or family liaison officer).</summary>
    FamilyContact,

    /// <summary>Sharing the draft report, including with the board (seed 000 Stage 4).</summary>
    SharingDraft,

    /// <summary>Publishing the report or its summary (WT2006 8.16: sometimes not until proceedings end).</summary>
    Publication,
}

/// <summary>When a constraint stops applying.</summary>
public enum ConstraintEnd
{
    /// <summary>When the process ends (the trial, inquest or hearing concludes): the day its end is recorded.</summary>
    ProcessEnds,

    /// <summary>After a given date (the last day it applies).</summary>
    Date,
}

public enum TimelineChangeStatus
{
    Proposed,
    Approved,
    Refused,
}

/// <summary>
/// A parallel process: what it is, its key dates, who to contact (the senior investigating officer of a police
/// investigation), notes, and the constraints it puts on the review. Every change goes through its methods, which
/// stamp who changed it and when, so the case's version changes with it.
/// </summary>
public class ParallelProcess : IPartOfReview
{
    public const int DescriptionMaxLength = 300;
    public const int ContactMaxLength = 200;
    public const int NotesMaxLength = 4000;

    private readonly List<ProcessConstraint> _constraints = [];

    private ParallelProcess()
    {
    }

    public ParallelProcess(ParallelProcessDetails details, Guid by, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        RecordedAt = now;
        RecordedById = by;
        Apply(details, by, now);
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public ParallelProcessKind Kind { get; private set; }

    /// <summary>A short description: "Crown Court trial", "Inquest into the child's death".</summary>
    public string? Description { get; private set; }
    public DateOnly? StartedOn { get; private set; }

    /// <summary>The trial or hearing date.</summary>
    public DateOnly? HearingOn { get; private set; }
    public DateOnly? ExpectedEndOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }

    /// <summary>Who to contact: the SIO of a police investigation, the coroner's officer…</summary>
    public string? ContactName { get; private set; }
    public string? ContactRole { get; private set; }
    public string? Notes { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public Guid RecordedById { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid UpdatedById { get; private set; }

    public IReadOnlyList<ProcessConstraint> Constraints => _constraints;

    /// <summary>Whether the process has ended by the date.</summary>
    public bool HasEndedBy(DateOnly date) => EndedOn is { } ended && ended <= date;

    public void Change(ParallelProcessDetails details, Guid by, DateTimeOffset now) => Apply(details, by, now);

    private void Apply(ParallelProcessDetails details, Guid by, DateTimeOffset now)
    {
        Kind = details.Kind;
        Description = Blank(details.Description);
        StartedOn = details.StartedOn;
        HearingOn = details.HearingOn;
        ExpectedEndOn = details.ExpectedEndOn;
        EndedOn = details.EndedOn;
        ContactName = Blank(details.ContactName);
        ContactRole = Blank(details.ContactRole);
        Notes = Blank(details.Notes);
        Touch(by, now);
    }

    public ProcessConstraint AddConstraint(ConstraintDetails details, Guid by, DateTimeOffset now)
    {
        var constraint = new ProcessConstraint(details);
        _constraints.Add(constraint);
        Touch(by, now);
        return constraint;
    }

    public ProcessConstraint Constraint(Guid constraintId) => _constraints.FirstOrDefault(c => c.Id == constraintId)
        ?? throw new Services.NotFoundException("The constraint");

    public void ChangeConstraint(Guid constraintId, ConstraintDetails details, Guid by, DateTimeOffset now)
    {
        Constraint(constraintId).Apply(details);
        Touch(by, now);
    }

    public void RemoveConstraint(Guid constraintId, Guid by, DateTimeOffset now)
    {
        _constraints.Remove(Constraint(constraintId));
        Touch(by, now);
    }

    /// <summary>Every change stamps the process, so the case it belongs to takes a new version.</summary>
    private void Touch(Guid by, DateTimeOffset now)
    {
        UpdatedAt = now;
        UpdatedById = by;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What a parallel process is, as a form or the API sends it (checked by <see cref="ParallelProcessRules"/>).</summary>
public sealed record ParallelProcessDetails(ParallelProcessKind Kind, string? Description, DateOnly? StartedOn, DateOnly? HearingOn,
    DateOnly? ExpectedEndOn, DateOnly? EndedOn, string? ContactName, string? ContactRole, string? Notes);

/// <summary>A constraint as a form or the API sends it (checked by <see cref="ParallelProcessRules"/>).</summary>
public sealed record ConstraintDetails(ConstrainedActivity Activity, string Description, DateOnly? StartsOn, ConstraintEnd Until, DateOnly? EndsOn);

/// <summary>
/// A limit a parallel process puts on the review, as data: which activity, the rule in words ("no interviews of
/// witnesses before the trial ends"), and the period it applies, from a date (or from the start) until the process ends or
/// after a given date. Whether it is in force on a date is <see cref="ParallelProcessRules.IsInForce"/>.
/// </summary>
public class ProcessConstraint
{
    public const int DescriptionMaxLength = 500;

    private ProcessConstraint()
    {
        Description = "";
    }

    internal ProcessConstraint(ConstraintDetails details)
    {
        Id = Guid.NewGuid();
        Description = "";
        Apply(details);
    }

    public Guid Id { get; private set; }
    public Guid ProcessId { get; private set; }
    public ConstrainedActivity Activity { get; private set; }
    public string Description { get; private set; }

    /// <summary>The first day it applies; none: from the start.</summary>
    public DateOnly? StartsOn { get; private set; }
    public ConstraintEnd Until { get; private set; }

    /// <summary>With <see cref="ConstraintEnd.Date"/>, the last day it applies.</summary>
    public DateOnly? EndsOn { get; private set; }

    internal void Apply(ConstraintDetails details)
    {
        Activity = details.Activity;
        Description = details.Description.Trim();
        StartsOn = details.StartsOn;
        Until = details.Until;
        EndsOn = details.Until == ConstraintEnd.Date ? details.EndsOn : null;
    }
}

/// <summary>A milestone recorded as done: on which date (early learning shared, review completed, draft to the board), by whom.</summary>
public class MilestoneRecord : IPartOfReview
{
    private MilestoneRecord()
    {
    }

    public MilestoneRecord(DeadlineKind milestone, DateOnly doneOn, string? note, Guid by, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Milestone = milestone;
        RecordedAt = now;
        Update(doneOn, note, by, now);
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public DeadlineKind Milestone { get; private set; }
    public DateOnly DoneOn { get; private set; }
    public string? Note { get; private set; }
    public Guid RecordedById { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Corrects the date or note; the audit log keeps what it was.</summary>
    public void Update(DateOnly doneOn, string? note, Guid by, DateTimeOffset now)
    {
        DoneOn = doneOn;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        RecordedById = by;
        RecordedAt = now;
    }
}

/// <summary>
/// A change of a milestone's date: who proposed which date and why, and the chair's answer, who and when and why (seed
/// 000 Stage 3b: the chair explicitly agrees any change to the timeline; WT2006 8.15). Kept whatever the answer.
/// </summary>
public class TimelineChange : IPartOfReview
{
    public const int TextMaxLength = 2000;

    private TimelineChange()
    {
        Reason = "";
    }

    public TimelineChange(DeadlineKind milestone, DateOnly dateBefore, DateOnly proposedDate, string reason, Guid by, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Milestone = milestone;
        DateBefore = dateBefore;
        ProposedDate = proposedDate;
        Reason = reason.Trim();
        ProposedById = by;
        ProposedAt = now;
        Status = TimelineChangeStatus.Proposed;
    }

    public Guid Id { get; private set; }
    public Guid ReviewId { get; private set; }
    public DeadlineKind Milestone { get; private set; }

    /// <summary>The milestone's date in force when the change was proposed.</summary>
    public DateOnly DateBefore { get; private set; }
    public DateOnly ProposedDate { get; private set; }
    public string Reason { get; private set; }
    public Guid ProposedById { get; private set; }
    public DateTimeOffset ProposedAt { get; private set; }
    public TimelineChangeStatus Status { get; private set; }
    public Guid? DecidedById { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The chair's note: why a change was refused, or anything said on agreeing it.</summary>
    public string? DecisionNote { get; private set; }

    public void Decide(bool approve, string? note, Guid by, DateTimeOffset now)
    {
        if (Status != TimelineChangeStatus.Proposed)
        {
            throw new RuleViolationException("This change has already been answered.");
        }
        Status = approve ? TimelineChangeStatus.Approved : TimelineChangeStatus.Refused;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        DecidedById = by;
        DecidedAt = now;
    }
}
