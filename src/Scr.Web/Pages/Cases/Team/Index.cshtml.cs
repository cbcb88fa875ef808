using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Services;
using Scr.Core.Services.Reviews;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Team;

/// <summary>
/// The case's review panel and team (seed 000 Stage 2): the minimum membership check, who is on it and what each
/// declared, the declared conflicts awaiting the chair, and removing a member. The business unit and the chair.
/// </summary>
public class IndexModel(CurrentUser me, ReviewPanelService panels) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public ReviewPanel Panel { get; private set; } = null!;

    public Review Review => Panel.Review;

    private async Task LoadAsync() => Panel = await panels.GetAsync(Id, await me.GetAsync(), me.Actor);

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Version = Review.Version;
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid user)
    {
        var posted = Version;
        await LoadAsync();
        ModelState.Clear();
        var name = Panel.Members.FirstOrDefault(m => m.Member.UserId == user)?.Name;
        try
        {
            await panels.RemoveAsync(Id, user, posted, await me.GetAsync(), me.Actor);
        }
        catch (StaleEditException e)
        {
            ModelState.AddModelError("", e.Message);
            Version = Review.Version;
            return Page();
        }
        TempData["Banner"] = name is null ? "The review team has been updated." : $"{name} has left the review team.";
        return RedirectToPage(new { id = Id });
    }
}
