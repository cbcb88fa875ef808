using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Reviewers;
using Scr.Core.Services.Reviews;
using Scr.Web.Security;

namespace Scr.Web.Pages.Reviewers.Mentoring;

/// <summary>
/// Pairs a new reviewer with an experienced one, optionally on a case the mentor leads; the new reviewer then joins that
/// case's team as shadow reviewer through the panel's add step (with their declaration and the conflict rule).
/// </summary>
public class AddModel(CurrentUser me, ReviewerRegisterService register, ReviewService reviews) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Mentors { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Mentees { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Cases { get; private set; } = [];

    public sealed class InputModel
    {
        public Guid? MentorId { get; set; }
        public Guid? MenteeId { get; set; }
        public Guid? ShadowReviewId { get; set; }
        public string? Note { get; set; }
    }

    private async Task<Principal> LoadAsync()
    {
        var principal = await me.GetAsync();
        var overview = await register.MentoringAsync(principal);
        Mentors = overview.Reviewers.Where(r => r.IsExperienced)
            .Select(r => new SelectListItem($"{r.Name} (led {r.TotalLed})", r.Profile.Id.ToString()))
            .Prepend(new SelectListItem("Choose a mentor", "")).ToList();
        Mentees = overview.Reviewers.Where(r => !r.IsExperienced)
            .Select(r => new SelectListItem($"{r.Name} (led {r.TotalLed})", r.Profile.Id.ToString()))
            .Prepend(new SelectListItem("Choose a new reviewer", "")).ToList();
        var (rows, _) = await reviews.ListAsync(principal, new ReviewListFilter(Status: ReviewStatus.Open, PageSize: 200));
        Cases = rows.Where(r => r.Access == ReviewAccess.Full && principal.HoldsOnBoard(r.BoardId, Role.BusinessUnitOfficer, Role.BoardChair))
            .Select(r => new SelectListItem($"{r.Reference} ({r.BoardName})", r.Id.ToString()))
            .Prepend(new SelectListItem("No case", "")).ToList();
        return principal;
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var principal = await LoadAsync();
        foreach (var key in new[] { "Input.MentorId", "Input.MenteeId", "Input.ShadowReviewId" })
        {
            ModelState.Remove(key);
        }
        MentoringPair pair;
        try
        {
            pair = await register.PairAsync(new MentoringInput(Input.MentorId, Input.MenteeId, Input.ShadowReviewId, Input.Note), principal, me.Actor);
        }
        catch (RuleViolationException e)
        {
            RegisterPages.AddProblems(ModelState, e.Problems);
            return Page();
        }
        catch (NotFoundException)
        {
            ModelState.AddModelError("Input.ShadowReviewId", "Select a case of your board, or none");
            return Page();
        }
        if (pair.ShadowReviewId is { } caseId)
        {
            // The shadow joins the case's team through the panel's add step: their declaration and the conflict rule.
            var mentee = await register.GetAsync(pair.MenteeId, principal, me.Actor);
            TempData["Banner"] = $"Paired. Now add {mentee.Reviewer.Name} to the case's team as shadow reviewer.";
            return Redirect($"/cases/{caseId}/team/add?person={mentee.Reviewer.Profile.UserId}&role={TeamRole.ShadowReviewer}");
        }
        TempData["Banner"] = "The new reviewer has been paired with a mentor.";
        return Redirect("/reviewers/mentoring");
    }
}
