using Microsoft.AspNetCore.Mvc;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Timetable;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Timetable;

/// <summary>Changes a parallel process's details: new dates as they are known, its end when it ends.</summary>
public class EditProcessModel(CurrentUser me, TimetableService timetables) : TimetablePageModel(me, timetables)
{
    [FromRoute]
    public Guid ProcessId { get; set; }

    [BindProperty]
    public ProcessForm Input { get; set; } = new();

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
        Input = ProcessForm.From(Process);
        Version = Review.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadProcessAsync();
        var input = Input.Read(ModelState, Timetable.Today);
        if (input is null)
        {
            return Page();
        }
        try
        {
            await Timetables.ChangeProcessAsync(Id, ProcessId, input, Version, await Me.GetAsync(), Me.Actor);
            TempData["Banner"] = $"The {Labels.Of(input.Kind!.Value).ToLowerInvariant()} has been changed.";
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
