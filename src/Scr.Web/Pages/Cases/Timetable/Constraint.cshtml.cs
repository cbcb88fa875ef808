using Microsoft.AspNetCore.Mvc;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Timetable;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Timetable;

/// <summary>Changes or removes a constraint of a parallel process.</summary>
public class ConstraintModel(CurrentUser me, TimetableService timetables) : TimetablePageModel(me, timetables)
{
    [FromRoute]
    public Guid ProcessId { get; set; }

    [FromRoute]
    public Guid ConstraintId { get; set; }

    [BindProperty]
    public ConstraintForm Input { get; set; } = new();

    public ParallelProcess Process { get; private set; } = null!;
    public ProcessConstraint Constraint { get; private set; } = null!;

    private async Task LoadConstraintAsync()
    {
        await LoadAsync();
        RequireEditor();
        Process = Timetable.Processes.FirstOrDefault(p => p.Id == ProcessId) ?? throw new NotFoundException("The parallel process");
        Constraint = Process.Constraints.FirstOrDefault(c => c.Id == ConstraintId) ?? throw new NotFoundException("The constraint");
    }

    public async Task OnGetAsync()
    {
        await LoadConstraintAsync();
        Input = ConstraintForm.From(Constraint);
        Version = Review.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadConstraintAsync();
        var input = Input.Read(ModelState);
        if (input is null)
        {
            return Page();
        }
        try
        {
            await Timetables.ChangeConstraintAsync(Id, ProcessId, ConstraintId, input, Version, await Me.GetAsync(), Me.Actor);
            TempData["Banner"] = $"The constraint on {Labels.Of(input.Activity!.Value).ToLowerInvariant()} has been changed.";
            return Redirect($"/cases/{Id}/timetable/processes/{ProcessId}");
        }
        catch (RuleViolationException e)
        {
            AddProblems(e.Problems);
            return Page();
        }
        catch (StaleEditException e)
        {
            Stale(e);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        await LoadConstraintAsync();
        ModelState.Clear();
        try
        {
            await Timetables.RemoveConstraintAsync(Id, ProcessId, ConstraintId, Version, await Me.GetAsync(), Me.Actor);
            TempData["Banner"] = $"The constraint on {Labels.Of(Constraint.Activity).ToLowerInvariant()} has been removed.";
            return Redirect($"/cases/{Id}/timetable/processes/{ProcessId}");
        }
        catch (StaleEditException e)
        {
            Input = ConstraintForm.From(Constraint);
            Stale(e);
            return Page();
        }
    }
}
