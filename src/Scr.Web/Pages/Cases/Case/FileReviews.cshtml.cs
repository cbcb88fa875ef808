using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Audit;
using Scr.Core.Services.Decisions;
using Scr.Core.Services.Drafts;
using Scr.Core.Services.Reviews;
using Scr.Web.Drafts;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Case;

/// <summary>
/// The agencies' records and short file reviews, and the business unit's summary of them with its overarching
/// recommendation for the sub-group (seed 000 Stage 1). Agencies see their own file review, and the others once shared.
/// </summary>
public class FileReviewsModel(CurrentUser me, ReviewService reviews, DecisionService decisions, DraftService drafts, AuditLog audit) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public SummaryForm Input { get; set; } = new();

    [TempData]
    public string? Banner { get; set; }

    public ReviewView View { get; private set; } = null!;
    public Review Review => View.Review;
    public IReadOnlyList<FileReview> Visible { get; private set; } = [];
    public bool MayShare { get; private set; }
    public bool MayPrepareSummary { get; private set; }
    public DateTimeOffset? DraftSavedAt { get; private set; }
    public string DraftKey => $"summary:{Id:N}";

    public sealed class SummaryForm
    {
        [Required(ErrorMessage = "Enter the summary of the file reviews")]
        [StringLength(8000, ErrorMessage = "The summary must be 8,000 characters or fewer")]
        public string? Summary { get; set; }

        [Required(ErrorMessage = "Select the business unit's recommendation")]
        public DecisionOutcome? Recommendation { get; set; }
    }

    public string AgencyName(Guid agencyId) => Review.Agencies.FirstOrDefault(a => a.AgencyId == agencyId)?.Agency?.Name ?? "Agency";

    private async Task<Principal> LoadAsync()
    {
        var principal = await me.GetAsync();
        View = await reviews.GetAsync(Id, principal, me.Actor);
        Visible = Review.FileReviews.Where(f => ReviewAccessRules.MaySeeFileReview(principal, View.Access, Review, f.AgencyId))
            .OrderBy(f => AgencyName(f.AgencyId)).ToList();
        MayShare = View.Access == ReviewAccess.Full && ReviewAccessRules.MayShareFileReviews(principal, Review) && Review.FileReviewsSharedAt is null;
        MayPrepareSummary = ReviewAccessRules.MayPrepareSummary(principal, Review) && Review.IsAwaitingDecision;
        Version = Review.Version;
        if (Visible.Count > 0)
        {
            // File reviews are confidential: every read is audited, naming whose were shown.
            await audit.RecordNowAsync(me.Actor, AuditActions.FileReviewRead, Review.BoardId, "review", Review.Id.ToString(),
                "agencies=" + string.Join(",", Visible.Select(f => f.AgencyId)));
        }
        return principal;
    }

    public async Task OnGetAsync()
    {
        var principal = await LoadAsync();
        Input.Summary = Review.FileReviewSummary;
        Input.Recommendation = Review.BusinessUnitRecommendation;
        if (MayPrepareSummary && await drafts.LoadAsync(principal.UserId, DraftKey) is { } draft)
        {
            await TryUpdateModelAsync(Input, nameof(Input), DraftForms.ValuesOf(draft.Fields));
            ModelState.Clear();
            DraftSavedAt = draft.SavedAt;
        }
    }

    public async Task<IActionResult> OnPostShareAsync()
    {
        var posted = Version;
        var principal = await LoadAsync();
        try
        {
            await decisions.ShareFileReviewsAsync(Id, posted, principal, me.Actor);
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError("", e.Messages[0]);
            return Page();
        }
        catch (StaleEditException)
        {
            ModelState.AddModelError("", "Someone else changed this case while you were reading it. Check the page and try again.");
            return Page();
        }
        Banner = "Every involved agency can now read all the file reviews.";
        return Redirect($"/cases/{Id}/file-reviews");
    }

    public async Task<IActionResult> OnPostSummaryAsync()
    {
        var posted = Version;
        var principal = await LoadAsync();
        ModelState.Remove(nameof(Version));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            await decisions.PrepareSummaryAsync(Id, Input.Summary!, Input.Recommendation!.Value, posted, principal, me.Actor);
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError("", e.Messages[0]);
            return Page();
        }
        catch (StaleEditException)
        {
            ModelState.AddModelError("", "Someone else changed this case while you were writing. Your summary is below: check the page and send it again.");
            return Page();
        }
        await drafts.DeleteAsync(principal.UserId, DraftKey);
        Banner = "The summary has been sent to the review sub-group.";
        return Redirect($"/cases/{Id}/file-reviews");
    }
}
