using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Reviews;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Case;

/// <summary>One move of the case through its lifecycle, with the reason, refusing a stale edit without losing what was typed.</summary>
public class MoveModel(CurrentUser me, ReviewService reviews) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute(Name = "action")]
    public string ActionKey { get; set; } = "";

    [BindProperty]
    [StringLength(8000, ErrorMessage = "The reason must be 8,000 characters or fewer")]
    public string? Reason { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public Review Review { get; private set; } = null!;
    public LifecycleAction Action { get; private set; } = null!;
    public IReadOnlyList<string> Unmet { get; private set; } = [];

    private async Task LoadAsync()
    {
        var principal = await me.GetAsync();
        var view = await reviews.GetAsync(Id, principal, me.Actor);
        Action = Lifecycle.Find(ActionKey) ?? throw new NotFoundException("The action");
        if (view.Access != ReviewAccess.Full || !Action.AppliesTo(view.Review) || !Action.MayBeMadeBy(view.Actors))
        {
            throw new ForbiddenException($"You cannot “{Action.Name.ToLowerInvariant()}” for this case now.");
        }
        Review = view.Review;
        Unmet = Action.Requirements.Where(r => !r.IsMet(Review)).Select(r => r.Task).ToList();
    }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Version = Review.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Action.ReasonRequired && string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), $"Enter the {Action.ReasonLabel.ToLowerInvariant()}");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            var principal = await me.GetAsync();
            var moved = await reviews.MoveAsync(Id, ActionKey, Reason, Version, principal, me.Actor);
            TempData["Banner"] = moved.StatusAfter == ReviewStatus.Open
                ? $"The case is now at stage {(int)moved.To}: {moved.To.Title().ToLowerInvariant()}."
                : $"The case is {Labels.Of(moved.StatusAfter).ToLowerInvariant()}.";
            if (Action.Decision is not null && CommunicationRules.ChildDied(Review))
            {
                TempData["Banner"] += " Keep the coroner informed of the decision in writing, and record it under “Who else may need telling”.";
            }
            return Redirect($"/cases/{Id}");
        }
        catch (StaleEditException e)
        {
            // Keep what was typed; offer the current version once the person has looked at the change.
            ModelState.AddModelError(nameof(Reason), e.Message);
            Version = Review.Version;
            return Page();
        }
        catch (RuleViolationException e)
        {
            foreach (var message in e.Messages)
            {
                ModelState.AddModelError(nameof(Reason), message);
            }
            return Page();
        }
    }
}
