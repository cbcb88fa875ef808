using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services;
using Scr.Core.Services.Calendar;
using Scr.Core.Services.Decisions;
using Scr.Core.Services.Drafts;
using Scr.Core.Services.Reviews;
using Scr.Web.Drafts;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Case;

/// <summary>
/// An involved agency's part in stage 1: confirm its records are secured (WT2006 8.21) and send its short file review
/// on the standard template (seed 000 Stage 1). The business unit may record either for the agency.
/// </summary>
public class AgencyModel(CurrentUser me, ReviewService reviews, DecisionService decisions, DraftService drafts, BankHolidayService bankHolidays) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "agency")]
    public Guid? AgencyId { get; set; }

    [BindProperty]
    [StringLength(2000, ErrorMessage = "The note must be 2,000 characters or fewer")]
    public string? RecordsNote { get; set; }

    [BindProperty]
    public FileReviewForm Input { get; set; } = new();

    [TempData]
    public string? Banner { get; set; }

    public Review Review { get; private set; } = null!;
    public ReviewAgency Agency { get; private set; } = null!;
    public IReadOnlyList<ReviewAgency> Choices { get; private set; } = [];
    public FileReview? Submitted { get; private set; }

    /// <summary>This agency's file review deadline, from the case's timescales.</summary>
    public Deadline? FileReviewDue { get; private set; }
    public DateTimeOffset? DraftSavedAt { get; private set; }
    public string DraftKey => $"file-review:{Id:N}:{Agency.AgencyId:N}";

    public sealed class FileReviewForm
    {
        [Required(ErrorMessage = "Describe your agency's contacts with the child and family")]
        [StringLength(8000, ErrorMessage = "Contacts must be 8,000 characters or fewer")]
        public string? Contacts { get; set; }

        [Required(ErrorMessage = "Describe what your agency knew and any concerns it held")]
        [StringLength(8000, ErrorMessage = "What your agency knew must be 8,000 characters or fewer")]
        public string? KnownConcerns { get; set; }

        [Required(ErrorMessage = "Select your agency's recommendation")]
        public FileReviewRecommendation? Recommendation { get; set; }

        [Required(ErrorMessage = "Explain your agency's recommendation")]
        [StringLength(8000, ErrorMessage = "The explanation must be 8,000 characters or fewer")]
        public string? Rationale { get; set; }
    }

    private async Task<Principal> LoadAsync()
    {
        var principal = await me.GetAsync();
        Review = (await reviews.GetAsync(Id, principal, me.Actor)).Review;
        Choices = Review.Agencies.Where(a => ReviewAccessRules.MayActForAgency(principal, Review, a.AgencyId))
            .OrderBy(a => a.Agency?.Name).ToList();
        if (Choices.Count == 0)
        {
            throw new ForbiddenException("Only an involved agency, or the business unit for it, can do this.");
        }
        Agency = Choices.FirstOrDefault(a => a.AgencyId == AgencyId) ?? Choices[0];
        Submitted = Review.FileReviewOf(Agency.AgencyId);
        FileReviewDue = Scr.Core.Rules.Timescales.Deadlines.For(Review, await bankHolidays.CalendarAsync())
            .FirstOrDefault(d => d.Kind == DeadlineKind.FileReview && d.AgencyId == Agency.AgencyId);
        return principal;
    }

    public async Task OnGetAsync()
    {
        var principal = await LoadAsync();
        if (Submitted is null && await drafts.LoadAsync(principal.UserId, DraftKey) is { } draft)
        {
            await TryUpdateModelAsync(Input, nameof(Input), DraftForms.ValuesOf(draft.Fields));
            ModelState.Clear();
            DraftSavedAt = draft.SavedAt;
        }
    }

    public async Task<IActionResult> OnPostSecureAsync()
    {
        var principal = await LoadAsync();
        // Only the note belongs to this form; the file review's fields are another form's.
        var noteErrors = ModelState.TryGetValue(nameof(RecordsNote), out var note) ? note.Errors.Select(e => e.ErrorMessage).ToList() : [];
        ModelState.Clear();
        if (noteErrors.Count > 0)
        {
            ModelState.AddModelError(nameof(RecordsNote), noteErrors[0]);
            return Page();
        }
        try
        {
            await decisions.SecureRecordsAsync(Id, Agency.AgencyId, RecordsNote, principal, me.Actor);
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError(nameof(RecordsNote), e.Messages[0]);
            return Page();
        }
        Banner = $"{Agency.Agency?.Name} has confirmed its records are secured.";
        return Redirect($"/cases/{Id}/agency?agency={Agency.AgencyId}");
    }

    public async Task<IActionResult> OnPostFileReviewAsync()
    {
        var principal = await LoadAsync();
        ModelState.Remove(nameof(RecordsNote));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            await decisions.SubmitFileReviewAsync(Id, Agency.AgencyId,
                new FileReviewInput(Input.Contacts!, Input.KnownConcerns!, Input.Recommendation!.Value, Input.Rationale!), principal, me.Actor);
        }
        catch (RuleViolationException e)
        {
            foreach (var message in e.Messages)
            {
                ModelState.AddModelError("", message);
            }
            return Page();
        }
        await drafts.DeleteAsync(principal.UserId, DraftKey);
        Banner = $"The file review of {Agency.Agency?.Name} has been sent to the board.";
        return Redirect($"/cases/{Id}/agency?agency={Agency.AgencyId}");
    }
}
