using Microsoft.AspNetCore.Mvc;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Timetable;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Timetable;

/// <summary>Records a parallel process (seed 000 Stage 4): its kind, key dates, contact and notes. Constraints follow on its page.</summary>
public class AddProcessModel(CurrentUser me, TimetableService timetables) : TimetablePageModel(me, timetables)
{
    [BindProperty]
    public ProcessForm Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        await LoadAsync();
        RequireEditor();
        Version = Review.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        RequireEditor();
        var input = Input.Read(ModelState, Timetable.Today);
        if (input is null)
        {
            return Page();
        }
        try
        {
            var process = await Timetables.AddProcessAsync(Id, input, [], Version, await Me.GetAsync(), Me.Actor);
            TempData["Banner"] = $"{Labels.Of(process.Kind)} recorded. Add the constraints it puts on the review.";
            return Redirect($"/cases/{Id}/timetable/processes/{process.Id}");
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
