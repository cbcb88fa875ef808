using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Services.Reviewers;
using Scr.Web.Security;

namespace Scr.Web.Pages.Reviewers.Mentoring;

/// <summary>
/// Mentoring and shadowing pairs (seed 004): new reviewers paired with experienced ones, some shadowing on a case.
/// Boards' business units and system administrators.
/// </summary>
public class IndexModel(CurrentUser me, ReviewerRegisterService register) : PageModel
{
    public MentoringOverview Overview { get; private set; } = null!;

    public async Task OnGetAsync() => Overview = await register.MentoringAsync(await me.GetAsync());

    public async Task<IActionResult> OnPostEndAsync(Guid pair)
    {
        await register.EndPairAsync(pair, await me.GetAsync(), me.Actor);
        TempData["Banner"] = "The pairing has ended.";
        return Redirect("/reviewers/mentoring");
    }
}
