using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Reviews;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Case;

/// <summary>A person declares they were involved in the case or line-manage someone who was (WT2006 8.20).</summary>
public class DeclareInvolvementModel(CurrentUser me, ReviewService reviews) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>Involved in the case (the default), or the line manager of someone who was.</summary>
    [BindProperty]
    public InvolvementKind? Kind { get; set; }

    public static IReadOnlyList<Scr.Web.TagHelpers.RadioItem> Kinds { get; } =
    [
        new(nameof(InvolvementKind.InvolvedInCase), "I was involved in the case", "For example, I worked with the child or family") { Checked = true },
        new(nameof(InvolvementKind.LineManagesSomeoneInvolved), "I line-manage someone who was involved"),
    ];

    [BindProperty]
    [Required(ErrorMessage = "Describe your involvement in the case")]
    [StringLength(4000, ErrorMessage = "Description must be 4,000 characters or fewer")]
    public string? Details { get; set; }

    public Review Review { get; private set; } = null!;

    public async Task OnGetAsync() => Review = (await reviews.GetAsync(Id, await me.GetAsync(), me.Actor)).Review;

    public async Task<IActionResult> OnPostAsync()
    {
        Review = (await reviews.GetAsync(Id, await me.GetAsync(), me.Actor)).Review;
        ModelState.Remove(nameof(Kind));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            await reviews.DeclareInvolvementAsync(Id, Details!, await me.GetAsync(), me.Actor,
                kind: Kind == InvolvementKind.LineManagesSomeoneInvolved ? InvolvementKind.LineManagesSomeoneInvolved : InvolvementKind.InvolvedInCase);
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError(nameof(Details), e.Messages[0]);
            return Page();
        }
        TempData["Banner"] = "Your involvement has been recorded. You cannot be on this case's review team.";
        return Redirect($"/cases/{Id}");
    }
}
