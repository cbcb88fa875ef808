using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Reviews;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Team;

/// <summary>
/// The board chair's justified exception to a person's declared conflict (WT2006 8.20): the reason, recorded with who
/// and when and the conflicts it covers, audited. The person may then be added to the review team. The chair only.
/// </summary>
public class ExceptionModel(CurrentUser me, ReviewPanelService panels) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute(Name = "user")]
    public Guid UserId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public ReviewPanel Panel { get; private set; } = null!;

    public ConflictedPerson Person { get; private set; } = null!;

    public Review Review => Panel.Review;

    private async Task<Principal> LoadAsync()
    {
        var principal = await me.GetAsync();
        (Panel, Person) = await panels.ConflictAsync(Id, UserId, principal, me.Actor);
        return principal;
    }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Version = Review.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var posted = Version;
        var principal = await LoadAsync();
        try
        {
            await panels.RecordExceptionAsync(Id, UserId, Reason, posted, principal, me.Actor);
        }
        catch (RuleViolationException e)
        {
            foreach (var problem in e.Problems)
            {
                ModelState.AddModelError(problem.Field == "reason" ? nameof(Reason) : "", problem.Message);
            }
            return Page();
        }
        catch (StaleEditException)
        {
            Version = Review.Version;
            ModelState.AddModelError(nameof(Reason), "Someone else changed this case while you were writing. Check the conflicts below and record the exception again.");
            return Page();
        }
        TempData["Banner"] = $"Exception recorded: {Person.Name} may now be added to the review team.";
        return Redirect($"/cases/{Id}/team");
    }
}
