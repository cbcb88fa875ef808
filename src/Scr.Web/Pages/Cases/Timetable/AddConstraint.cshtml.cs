using Microsoft.AspNetCore.Mvc;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Timetable;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Timetable;

/// <summary>Records a constraint a parallel process puts on the review: what it holds back, in words, and when it applies.</summary>
public class AddConstraintModel(CurrentUser me, TimetableService timetables) : TimetablePageModel(me, timetables)
{
    [FromRoute]
    public Guid ProcessId { get; set; }

    [BindProperty]
    public ConstraintForm Input { get; set; } = new();

    public ParallelProcess Process { get; private set; } = null!;

    private async Task LoadProcessAsync()
    {
        await LoadAsync();
        RequireEditor();
        Process = Timetable.Processes.FirstOrDefault(p => p.Id == ProcessId) ?? throw new NotFoundException("The parallel process");
    }

    public async Task OnGetAsync()
    {
        await LoadProcessAsync();
        Version = Review.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadProcessAsync();
        var input = Input.Read(ModelState);
        if (input is null)
        {
            return Page();
        }
        try
        {
            await Timetables.AddConstraintAsync(Id, ProcessId, input, Version, await Me.GetAsync(), Me.Actor);
            TempData["Banner"] = $"Constraint on {Labels.Of(input.Activity!.Value).ToLowerInvariant()} recorded.";
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
}
