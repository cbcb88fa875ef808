using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Rules;
using Scr.Core.Services.Decisions;
using Scr.Web.Security;

namespace Scr.Web.Pages.PeerReviews;

/// <summary>
/// A chair of another board peer-reviews a chair's consideration (seed 000 Stage 1): they read exactly what the chair
/// had when asking (a frozen copy, read-only, audited) and record a response. Nobody else may open it.
/// </summary>
public class IndexModel(CurrentUser me, DecisionService decisions) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Select whether you agree with the consideration")]
    public bool? Agrees { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter your response to the chair")]
    [StringLength(8000, ErrorMessage = "Your response must be 8,000 characters or fewer")]
    public string? Answer { get; set; }

    public static IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> AgreeOptions { get; } =
        [new("Yes", "true"), new("No, I raise points", "false")];

    [TempData]
    public string? Banner { get; set; }

    public PeerReviewView View { get; private set; } = null!;

    public async Task OnGetAsync() => View = await decisions.GetPeerReviewAsync(Id, await me.GetAsync(), me.Actor);

    public async Task<IActionResult> OnPostAsync()
    {
        var principal = await me.GetAsync();
        View = await decisions.GetPeerReviewAsync(Id, principal, me.Actor);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            await decisions.RespondToPeerReviewAsync(Id, Agrees!.Value, Answer!, principal, me.Actor);
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError(nameof(Answer), e.Messages[0]);
            return Page();
        }
        // Back to the peer review, which shows the response sent: the dashboard has no banner, and one left in TempData
        // would appear on whichever page next shows one.
        Banner = "Your response has been sent to the chair.";
        return Redirect($"/peer-reviews/{Id}");
    }
}
