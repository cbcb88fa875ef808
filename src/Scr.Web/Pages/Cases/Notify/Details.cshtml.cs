using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Drafts;
using Scr.Core.Services.Reviews;
using Scr.Web.Drafts;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.Notify;

/// <summary>Notify, step 2: the incident, the child and the agencies involved.</summary>
public class DetailsModel(CurrentUser me, ScrDbContext db, ReviewService reviews, DraftService drafts, TimeProvider clock) : PageModel
{
    private HashSet<Guid> _agencyIds = [];

    [BindProperty(SupportsGet = true, Name = "board")]
    public Guid BoardId { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string BoardName { get; private set; } = "";

    [TempData]
    public string? Banner { get; set; }

    /// <summary>When the draft this form was filled from was saved, if it was.</summary>
    public DateTimeOffset? DraftSavedAt { get; private set; }

    public string DraftKey => $"notify:{BoardId:N}";

    public IReadOnlyList<SelectListItem> Editions { get; } = Enum.GetValues<GuidanceEdition>()
        .Select(e => new SelectListItem(Labels.Of(e), e.ToString())).ToList();
    public IReadOnlyList<SelectListItem> Agencies { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Select the type of incident")]
        public IncidentType? IncidentType { get; set; }

        public DateInputModel IncidentDate { get; set; } = new();
        public DateInputModel KnownToBoardOn { get; set; } = new();

        [Required(ErrorMessage = "Enter the child's full name")]
        [StringLength(200, ErrorMessage = "Name must be 200 characters or fewer")]
        public string? ChildName { get; set; }

        [Range(0, 17, ErrorMessage = "Years must be between 0 and 17")]
        public int? AgeYears { get; set; }

        [Range(0, 11, ErrorMessage = "Months must be between 0 and 11")]
        public int? AgeMonths { get; set; }

        [Required(ErrorMessage = "Select the child's sex, or ‘Not known’")]
        public Sex? Sex { get; set; }

        [Required(ErrorMessage = "Select the child's ethnicity, or ‘Not known’")]
        public Ethnicity? Ethnicity { get; set; }

        [Required(ErrorMessage = "Select whether the child has a disability, or ‘Not known’")]
        public YesNoNotKnown? Disability { get; set; }

        [Required(ErrorMessage = "Select whether the child was on a child protection plan, or ‘Not known’")]
        public ChildProtectionPlanStatus? ChildProtectionPlan { get; set; }

        [Required(ErrorMessage = "Select the child's legal status, or ‘Not known’")]
        public LegalStatus? LegalStatus { get; set; }

        public List<Guid> AgencyIds { get; set; } = [];

        [Required(ErrorMessage = "Enter a short summary of what happened")]
        [StringLength(4000, ErrorMessage = "Summary must be 4,000 characters or fewer")]
        public string? Summary { get; set; }

        [StringLength(4000, ErrorMessage = "Other children at risk must be 4,000 characters or fewer")]
        public string? OtherChildrenAtRisk { get; set; }

        [StringLength(4000, ErrorMessage = "Safeguarding action taken must be 4,000 characters or fewer")]
        public string? ImmediateActions { get; set; }

        public GuidanceEdition Guidance { get; set; } = GuidanceEdition.Wt2006;
    }

    public static IEnumerable<SelectListItem> Options<T>(Func<T, string> label) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(label(v), v.ToString()));

    private async Task<bool> LoadAsync()
    {
        var principal = await me.GetAsync();
        if (!ReviewAccessRules.MayNotify(principal, BoardId))
        {
            return false;
        }
        var board = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == BoardId && o.Kind == OrganisationKind.Board);
        if (board is null)
        {
            return false;
        }
        BoardName = board.Name;
        // Ids are formatted here, not in SQL: SQLite stores them as upper-case text, so a value formatted by the database
        // never equals Guid.ToString() and every agency the person ticked was refused as not serving the board.
        var agencies = await db.AgencyBoards.AsNoTracking().Where(a => a.BoardId == BoardId)
            .Join(db.Organisations, a => a.AgencyId, o => o.Id, (a, o) => o)
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync();
        _agencyIds = agencies.Select(a => a.Id).ToHashSet();
        Agencies = agencies.Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (await drafts.LoadAsync(me.UserId!.Value, DraftKey) is { } draft)
        {
            await TryUpdateModelAsync(Input, nameof(Input), DraftForms.ValuesOf(draft.Fields));
            ModelState.Clear();
            DraftSavedAt = draft.SavedAt;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var incident = Input.IncidentDate.Validate(ModelState, "Input.IncidentDate", "the date of the incident", today);
        var known = Input.KnownToBoardOn.Validate(ModelState, "Input.KnownToBoardOn", "the date the board knew of the incident", today);
        if (incident is { } i && known is { } k && k < i)
        {
            ModelState.AddModelError("Input.KnownToBoardOn", "The date the board knew of the incident must be the same as or after the date of the incident");
        }
        if (Input.AgencyIds.Any(id => !_agencyIds.Contains(id)))
        {
            ModelState.AddModelError("Input.AgencyIds", "Select only agencies that serve the board's area");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var principal = await me.GetAsync();
        // An agency's own staff refer on its behalf; the board's own people notify as the board.
        var referrer = principal.HoldsOnBoard(BoardId, ReviewAccessRules.BoardNotifierRoles)
            ? null
            : principal.AgencyGrants.FirstOrDefault(g => g.BoardIds.Contains(BoardId))?.OrganisationId;
        int? age = Input.AgeYears is null && Input.AgeMonths is null ? null : ((Input.AgeYears ?? 0) * 12) + (Input.AgeMonths ?? 0);
        try
        {
            var review = await reviews.NotifyAsync(new NotifyOptions(BoardId, Input.IncidentType!.Value, incident!.Value, known!.Value, Input.Summary!,
                [new NotifyChild(Input.ChildName!, age, Input.Sex!.Value, Input.Ethnicity!.Value, Input.Disability!.Value, Input.ChildProtectionPlan!.Value, Input.LegalStatus!.Value)],
                Input.AgencyIds, referrer, Input.Guidance, Input.OtherChildrenAtRisk, Input.ImmediateActions), principal, me.Actor);
            await drafts.DeleteAsync(principal.UserId, DraftKey);
            TempData["Banner"] = $"Case {review.Reference} has been notified to {BoardName}.";
            return Redirect($"/cases/{review.Id}");
        }
        catch (RuleViolationException e)
        {
            foreach (var message in e.Messages)
            {
                ModelState.AddModelError("", message);
            }
            return Page();
        }
    }
}
