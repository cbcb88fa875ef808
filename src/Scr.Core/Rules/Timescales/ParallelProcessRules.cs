using System.Globalization;
using Scr.Core.Models;

namespace Scr.Core.Rules.Timescales;

/// <summary>A parallel process as a form or the API sends it, before it is checked.</summary>
public sealed record ParallelProcessInput(ParallelProcessKind? Kind, string? Description, DateOnly? StartedOn, DateOnly? HearingOn,
    DateOnly? ExpectedEndOn, DateOnly? EndedOn, string? ContactName, string? ContactRole, string? Notes);

/// <summary>A constraint as a form or the API sends it, before it is checked.</summary>
public sealed record ConstraintInput(ConstrainedActivity? Activity, string? Description, DateOnly? StartsOn, ConstraintEnd? Until, DateOnly? EndsOn);

/// <summary>A constraint in force on a date, with the process that puts it on the review.</summary>
public sealed record ConstraintInForce(ParallelProcess Process, ProcessConstraint Constraint);

/// <summary>
/// Parallel processes and the constraints they put on a review (seed 000 Stage 4; WT2006 8.16): what a process and a
/// constraint must say, and which constraints are in force on a date for an activity. Pure; the one place these rules
/// live. Pages that plan interviews, family contact, sharing the draft or publication ask
/// <see cref="InForce(IEnumerable{ParallelProcess}, DateOnly, ConstrainedActivity)"/> (through
/// <c>TimetableService.ConstraintsInForceAsync</c>).
/// </summary>
public static class ParallelProcessRules
{
    /// <summary>Whether the constraint applies on the date: on or after its first day, and before the process ends or up to its last day.</summary>
    public static bool IsInForce(ParallelProcess process, ProcessConstraint constraint, DateOnly date) =>
        (constraint.StartsOn is not { } starts || starts <= date)
        && constraint.Until switch
        {
            ConstraintEnd.ProcessEnds => !process.HasEndedBy(date),
            _ => constraint.EndsOn is not { } ends || date <= ends,
        };

    /// <summary>The constraints in force on the date that hold back the activity, earliest process first.</summary>
    public static IReadOnlyList<ConstraintInForce> InForce(IEnumerable<ParallelProcess> processes, DateOnly date, ConstrainedActivity activity) =>
        InForce(processes, date).Where(c => c.Constraint.Activity == activity).ToList();

    /// <summary>Every constraint in force on the date.</summary>
    public static IReadOnlyList<ConstraintInForce> InForce(IEnumerable<ParallelProcess> processes, DateOnly date) =>
        processes.OrderBy(p => p.RecordedAt)
            .SelectMany(p => p.Constraints.Where(c => IsInForce(p, c, date)).Select(c => new ConstraintInForce(p, c)))
            .ToList();

    /// <summary>
    /// The first day the constraint no longer applies, if known: the day after its last day, or the day the process ended;
    /// for a process still running, the day after its expected end when one is given (Expected true).
    /// </summary>
    public static (DateOnly? Lifts, bool Expected) LiftsOn(ParallelProcess process, ProcessConstraint constraint) => constraint.Until switch
    {
        ConstraintEnd.Date => (constraint.EndsOn?.AddDays(1), false),
        _ when process.EndedOn is { } ended => (ended, false),
        _ => (process.ExpectedEndOn?.AddDays(1), process.ExpectedEndOn is not null),
    };

    /// <summary>Checks a parallel process; the details to save when there is nothing to refuse.</summary>
    public static (ParallelProcessDetails? Details, IReadOnlyList<RuleProblem> Problems) Check(ParallelProcessInput input, DateOnly today)
    {
        var problems = new List<RuleProblem>();
        if (input.Kind is null)
        {
            problems.Add(new("kind", "Select the kind of process"));
        }
        Text(problems, "description", input.Description, ParallelProcess.DescriptionMaxLength, "The description");
        if (input.Kind == ParallelProcessKind.PoliceInvestigation && string.IsNullOrWhiteSpace(input.ContactName))
        {
            problems.Add(new("contactName", "Enter the name of the senior investigating officer (SIO)"));
        }
        Text(problems, "contactName", input.ContactName, ParallelProcess.ContactMaxLength, "The contact's name");
        Text(problems, "contactRole", input.ContactRole, ParallelProcess.ContactMaxLength, "The contact's role");
        Text(problems, "notes", input.Notes, ParallelProcess.NotesMaxLength, "The notes");
        if (input.StartedOn is { } started)
        {
            if (input.HearingOn < started)
            {
                problems.Add(new("hearingOn", "The trial or hearing date must be on or after the date it started"));
            }
            if (input.ExpectedEndOn < started)
            {
                problems.Add(new("expectedEndOn", "The expected end must be on or after the date it started"));
            }
            if (input.EndedOn < started)
            {
                problems.Add(new("endedOn", "The date it ended must be on or after the date it started"));
            }
        }
        if (input.EndedOn > today)
        {
            problems.Add(new("endedOn", "The date it ended must be today or in the past"));
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        return (new ParallelProcessDetails(input.Kind!.Value, input.Description, input.StartedOn, input.HearingOn, input.ExpectedEndOn,
            input.EndedOn, input.ContactName, input.ContactRole, input.Notes), problems);
    }

    /// <summary>
    /// Checks a constraint; the details to save when there is nothing to refuse. Fields are named with
    /// <paramref name="prefix"/> (such as "constraints[0].") when it comes inside a process.
    /// </summary>
    public static (ConstraintDetails? Details, IReadOnlyList<RuleProblem> Problems) Check(ConstraintInput input, string prefix = "")
    {
        var problems = new List<RuleProblem>();
        if (input.Activity is null)
        {
            problems.Add(new($"{prefix}activity", "Select what the constraint holds back"));
        }
        if (string.IsNullOrWhiteSpace(input.Description))
        {
            problems.Add(new($"{prefix}description", "Describe the constraint, for example ‘no interviews of witnesses before the trial ends’"));
        }
        Text(problems, $"{prefix}description", input.Description, ProcessConstraint.DescriptionMaxLength, "The description");
        if (input.Until is null)
        {
            problems.Add(new($"{prefix}until", "Select when the constraint stops applying"));
        }
        else if (input.Until == ConstraintEnd.Date)
        {
            if (input.EndsOn is not { } ends)
            {
                problems.Add(new($"{prefix}endsOn", "Enter the last day the constraint applies"));
            }
            else if (input.StartsOn > ends)
            {
                problems.Add(new($"{prefix}endsOn", "The last day must be on or after the first day"));
            }
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        return (new ConstraintDetails(input.Activity!.Value, input.Description!.Trim(), input.StartsOn, input.Until!.Value,
            input.Until == ConstraintEnd.Date ? input.EndsOn : null), problems);
    }

    private static void Text(List<RuleProblem> problems, string field, string? text, int maxLength, string subject)
    {
        if (text is not null && text.Trim().Length > maxLength)
        {
            problems.Add(new(field, $"{subject} must be {maxLength.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer"));
        }
    }
}
