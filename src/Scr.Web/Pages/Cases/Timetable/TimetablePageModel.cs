using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services;
using Scr.Core.Services.Timetable;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.Timetable;

/// <summary>
/// What every page of the timetable journey shares: the case's timetable as the person may see it (the read is audited;
/// those who may not see it are refused by <see cref="TimetableService"/>), the version the person read, and the
/// core's refusals put against the form's fields.
/// </summary>
public abstract class TimetablePageModel(CurrentUser me, TimetableService timetables) : PageModel
{
    protected CurrentUser Me { get; } = me;
    protected TimetableService Timetables { get; } = timetables;

    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The version of the case the person read, so a change made meanwhile is not overwritten.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public TimetableView Timetable { get; private set; } = null!;
    public Review Review => Timetable.Review;

    /// <summary>The path of the case's timetable page.</summary>
    public string TimetablePath => $"/cases/{Id}/timetable";

    protected async Task<TimetableView> LoadAsync()
    {
        Timetable = await Timetables.GetAsync(Id, await Me.GetAsync(), Me.Actor);
        return Timetable;
    }

    /// <summary>Refuses anyone who may not keep the timetable (the business unit and the review team, while the review is open).</summary>
    protected void RequireEditor()
    {
        if (!Timetable.MayEdit)
        {
            throw new ForbiddenException(Review.IsOpen
                ? "Only the business unit and the review team keep the review's timetable."
                : "The review is closed: its timetable can no longer change.");
        }
    }

    /// <summary>
    /// Puts each of the core's problems on the form's field (<c>proposedDate</c> → <c>Input.ProposedDate</c>), or on the
    /// form as a whole, unless the form's own check already put one there.
    /// </summary>
    protected void AddProblems(IEnumerable<RuleProblem> problems, string prefix = "Input") => ModelState.AddRuleProblems(problems, prefix);

    /// <summary>Shows a stale edit against the form and offers the current version once the person has looked again.</summary>
    protected void Stale(StaleEditException e)
    {
        ModelState.AddModelError("", e.Message);
        Version = Review.Version;
    }
}

/// <summary>An optional date of a form: nothing typed is none; part-filled or impossible dates get the GOV.UK pattern's messages.</summary>
public static class OptionalDate
{
    public static DateOnly? Read(DateInputModel input, ModelStateDictionary modelState, string key, string description, DateOnly? latest = null)
    {
        var typed = new[] { "Day", "Month", "Year" }
            .Any(p => modelState.TryGetValue($"{key}.{p}", out var entry) && !string.IsNullOrWhiteSpace(entry.AttemptedValue));
        if (!typed)
        {
            return null;
        }
        if (input.IsEmpty)
        {
            modelState.AddModelError(key, $"{char.ToUpperInvariant(description[0])}{description[1..]} must be a real date");
            return null;
        }
        return input.Validate(modelState, key, description, latest);
    }
}

/// <summary>The parallel process form (add and change).</summary>
public sealed class ProcessForm
{
    [Required(ErrorMessage = "Select the kind of process")]
    public ParallelProcessKind? Kind { get; set; }

    [StringLength(ParallelProcess.DescriptionMaxLength, ErrorMessage = "The description must be 300 characters or fewer")]
    public string? Description { get; set; }

    public DateInputModel StartedOn { get; set; } = new();
    public DateInputModel HearingOn { get; set; } = new();
    public DateInputModel ExpectedEndOn { get; set; } = new();
    public DateInputModel EndedOn { get; set; } = new();

    [StringLength(ParallelProcess.ContactMaxLength, ErrorMessage = "The contact's name must be 200 characters or fewer")]
    public string? ContactName { get; set; }

    [StringLength(ParallelProcess.ContactMaxLength, ErrorMessage = "The contact's role must be 200 characters or fewer")]
    public string? ContactRole { get; set; }

    [StringLength(ParallelProcess.NotesMaxLength, ErrorMessage = "The notes must be 4,000 characters or fewer")]
    public string? Notes { get; set; }

    public static IEnumerable<RadioItem> KindItems => Enum.GetValues<ParallelProcessKind>().Select(k => new RadioItem(k.ToString(), Labels.Of(k),
        k == ParallelProcessKind.PoliceInvestigation ? "Name the senior investigating officer (SIO) as the contact" : null));

    public static ProcessForm From(ParallelProcess process) => new()
    {
        Kind = process.Kind,
        Description = process.Description,
        StartedOn = DateInputModel.From(process.StartedOn),
        HearingOn = DateInputModel.From(process.HearingOn),
        ExpectedEndOn = DateInputModel.From(process.ExpectedEndOn),
        EndedOn = DateInputModel.From(process.EndedOn),
        ContactName = process.ContactName,
        ContactRole = process.ContactRole,
        Notes = process.Notes,
    };

    /// <summary>The form as the core takes it, after checking its dates (null when one is not a real date).</summary>
    public ParallelProcessInput? Read(ModelStateDictionary modelState, DateOnly today, string prefix = "Input")
    {
        var started = OptionalDate.Read(StartedOn, modelState, $"{prefix}.StartedOn", "the date it started");
        var hearing = OptionalDate.Read(HearingOn, modelState, $"{prefix}.HearingOn", "the trial or hearing date");
        var expected = OptionalDate.Read(ExpectedEndOn, modelState, $"{prefix}.ExpectedEndOn", "the date it is expected to end");
        var ended = OptionalDate.Read(EndedOn, modelState, $"{prefix}.EndedOn", "the date it ended", today);
        return modelState.IsValid ? new ParallelProcessInput(Kind, Description, started, hearing, expected, ended, ContactName, ContactRole, Notes) : null;
    }
}

/// <summary>The constraint form (add and change).</summary>
public sealed class ConstraintForm
{
    [Required(ErrorMessage = "Select what the constraint holds back")]
    public ConstrainedActivity? Activity { get; set; }

    [Required(ErrorMessage = "Describe the constraint, for example ‘no interviews of witnesses before the trial ends’")]
    [StringLength(ProcessConstraint.DescriptionMaxLength, ErrorMessage = "The description must be 500 characters or fewer")]
    public string? Description { get; set; }

    public DateInputModel StartsOn { get; set; } = new();

    [Required(ErrorMessage = "Select when the constraint stops applying")]
    public ConstraintEnd? Until { get; set; }

    public DateInputModel EndsOn { get; set; } = new();

    public static IEnumerable<SelectListItem> ActivityItems => Enum.GetValues<ConstrainedActivity>().Select(a => new SelectListItem(Labels.Of(a), a.ToString()));

    public static IEnumerable<RadioItem> UntilItems =>
    [
        new(nameof(ConstraintEnd.ProcessEnds), "When the process ends", "Lifted on the day its end is recorded, such as the day of the verdict"),
        new(nameof(ConstraintEnd.Date), "After a date", "Give the last day it applies below"),
    ];

    public static ConstraintForm From(ProcessConstraint constraint) => new()
    {
        Activity = constraint.Activity,
        Description = constraint.Description,
        StartsOn = DateInputModel.From(constraint.StartsOn),
        Until = constraint.Until,
        EndsOn = DateInputModel.From(constraint.EndsOn),
    };

    public ConstraintInput? Read(ModelStateDictionary modelState, string prefix = "Input")
    {
        var starts = OptionalDate.Read(StartsOn, modelState, $"{prefix}.StartsOn", "the first day it applies");
        var ends = Until == ConstraintEnd.Date ? OptionalDate.Read(EndsOn, modelState, $"{prefix}.EndsOn", "the last day it applies") : null;
        return modelState.IsValid ? new ConstraintInput(Activity, Description, starts, Until, ends) : null;
    }
}

/// <summary>A parallel process's dates and contact in words, for its summary.</summary>
public static class ProcessText
{
    public static string Dates(ParallelProcess process)
    {
        var parts = new List<string>();
        if (process.StartedOn is { } started)
        {
            parts.Add($"started {Labels.Date(started)}");
        }
        if (process.HearingOn is { } hearing)
        {
            parts.Add($"trial or hearing {Labels.Date(hearing)}");
        }
        if (process.EndedOn is { } ended)
        {
            parts.Add($"ended {Labels.Date(ended)}");
        }
        else if (process.ExpectedEndOn is { } expected)
        {
            parts.Add($"expected to end {Labels.Date(expected)}");
        }
        return parts.Count == 0 ? "None recorded" : char.ToUpperInvariant(parts[0][0]) + string.Join("; ", parts)[1..];
    }

    public static string Contact(ParallelProcess process) => (process.ContactName, process.ContactRole) switch
    {
        (null, null) => "None recorded",
        ({ } name, null) => name,
        (null, { } role) => role,
        ({ } name, { } role) => $"{name}, {role}",
    };
}
