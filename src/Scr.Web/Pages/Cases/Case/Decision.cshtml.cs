using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Criteria;
using Scr.Core.Services;
using Scr.Core.Services.Decisions;
using Scr.Core.Services.Reviews;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Case;

/// <summary>
/// The chair's consideration (WT2006 8.11, 8.14): the notification acknowledged, the sub-group's recommendation with the
/// prompt and warnings its answers give, a peer review by the chair of another board, and the decision itself.
/// </summary>
public class DecisionModel(CurrentUser me, ReviewService reviews, DecisionService decisions) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid? PeerId { get; set; }

    [TempData]
    public string? Banner { get; set; }

    public ReviewView View { get; private set; } = null!;
    public Review Review => View.Review;
    public bool IsChair { get; private set; }
    public CriteriaEvaluation? Evaluation { get; private set; }
    public IReadOnlyList<SelectListItem> Peers { get; private set; } = [];
    public IReadOnlyList<LifecycleAction> Decisions { get; private set; } = [];

    /// <summary>The board's own people see who was told of the decision; its business unit and chair record it.</summary>
    public bool IsBoard { get; private set; }
    public bool MayRecordCommunication { get; private set; }
    public WhoToTell WhoToTell => CommunicationRules.WhoToTellAbout(Review);

    private async Task<Principal> LoadAsync()
    {
        var principal = await me.GetAsync();
        View = await reviews.GetAsync(Id, principal, me.Actor);
        if (View.Access != ReviewAccess.Full)
        {
            throw new ForbiddenException("Only the board sees the chair's consideration.");
        }
        IsChair = ReviewAccessRules.IsChairOf(principal, Review);
        IsBoard = ReviewAccessRules.MaySeeBoardRecords(principal, Review);
        MayRecordCommunication = ReviewAccessRules.MayRecordCommunication(principal, Review);
        if (Review.Recommendation is { } recommendation && CriteriaSet.Find(recommendation.CriteriaSetId) is { } set)
        {
            Evaluation = CriteriaRules.Evaluate(set, CriteriaAnswers.FromJson(recommendation.Answers), recommendation.Recommendation);
        }
        Decisions = Lifecycle.AvailableFor(Review).Where(a => a.Decision is not null && a.MayBeMadeBy(View.Actors)).ToList();
        if (IsChair && Review.IsAwaitingDecision)
        {
            Peers = (await decisions.PeersAsync(Id, principal)).Select(p => new SelectListItem($"{p.Name}, {p.Board}", p.Id.ToString())).ToList();
        }
        return principal;
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAcknowledgeAsync()
    {
        var principal = await LoadAsync();
        await decisions.AcknowledgeAsync(Id, principal, me.Actor);
        Banner = "You have confirmed that you have the notification.";
        return Redirect($"/cases/{Id}/decision");
    }

    public async Task<IActionResult> OnPostPeerReviewAsync()
    {
        var principal = await LoadAsync();
        if (PeerId is not { } peer)
        {
            ModelState.AddModelError(nameof(PeerId), "Select the chair you are asking");
            return Page();
        }
        try
        {
            await decisions.RequestPeerReviewAsync(Id, peer, principal, me.Actor);
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError(nameof(PeerId), e.Messages[0]);
            return Page();
        }
        Banner = "The peer review has been asked for. The chair sees what you see now, and nothing later.";
        return Redirect($"/cases/{Id}/decision");
    }
}
