using Microsoft.AspNetCore.Mvc;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Drafts;
using Scr.Core.Services.TermsOfReference;
using Scr.Web.Drafts;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.TermsOfReference;

/// <summary>
/// Writes the draft of the terms of reference (seed 000 Stage 2): the key lines of enquiry, the period, who is involved,
/// how the family contributes, the methodology and evidence, parallel processes, timetable and publication. Saving
/// updates the draft (or starts a new version after a sign-off); what is typed is kept as a personal draft meanwhile.
/// For the business unit and the review team.
/// </summary>
public class EditModel(CurrentUser me, TermsOfReferenceService terms, DraftService drafts) : TermsPageModel(me, terms)
{
    [BindProperty]
    public TermsForm Input { get; set; } = new();

    public TermsOfReferenceOptions Options { get; private set; } = new(new Dictionary<Guid, string>(), new Dictionary<Guid, string>());
    public DateTimeOffset? DraftSavedAt { get; private set; }
    public string DraftKey => $"terms-of-reference:{Id:N}";

    /// <summary>The number the saved draft will have: the draft's own, or the next after the last signed off.</summary>
    public int Number => Review.TermsDraft?.Number ?? Review.TermsOfReference.Select(t => t.Number).DefaultIfEmpty(0).Max() + 1;

    public IEnumerable<RadioItem> BoardItems => Options.Boards.OrderBy(b => b.Value, StringComparer.Ordinal)
        .Select(b => new RadioItem(b.Key.ToString(), b.Value, b.Key == Review.BoardId ? "The board holding this case" : null));

    public IEnumerable<RadioItem> AgencyItems => Options.Agencies.OrderBy(a => a.Value, StringComparer.Ordinal)
        .Select(a => new RadioItem(a.Key.ToString(), a.Value, Review.Agencies.Any(x => x.AgencyId == a.Key) ? "Involved in the case" : null));

    private async Task<Principal> PrepareAsync()
    {
        var principal = await Me.GetAsync();
        await LoadAsync();
        if (!View.MayEdit)
        {
            throw new ForbiddenException("Only the business unit and the review team write the terms of reference, once the chair has decided to hold a review.");
        }
        return principal;
    }

    private async Task OptionsAsync() =>
        Options = await Terms.OptionsAsync(Review, Input.OtherBoardIds.Append(Input.LeadBoardId ?? Guid.Empty));

    public async Task OnGetAsync()
    {
        var principal = await PrepareAsync();
        Version = Review.Version;
        Input = TermsForm.From(TermsOfReferenceService.Starting(Review));
        if (await drafts.LoadAsync(principal.UserId, DraftKey) is { } draft)
        {
            Input = new TermsForm();
            await TryUpdateModelAsync(Input, nameof(Input), DraftForms.ValuesOf(draft.Fields));
            if (draft.Fields.TryGetValue(nameof(Version), out var version) && Guid.TryParse(version.FirstOrDefault(), out var read))
            {
                Version = read;
            }
            ModelState.Clear();
            DraftSavedAt = draft.SavedAt;
        }
        await OptionsAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var posted = Version;
        var principal = await PrepareAsync();
        await OptionsAsync();
        var input = Input.Read(ModelState);
        if (input is null)
        {
            return Page();
        }
        try
        {
            var saved = await Terms.SaveDraftAsync(Id, input, posted, principal, Me.Actor);
            await drafts.DeleteAsync(principal.UserId, DraftKey);
            var warnings = TermsOfReferenceRules.Warnings(saved.Content, View.Facts);
            TempData["Banner"] = $"Draft version {saved.Number} saved." + (warnings.Count == 0 ? "" : " Check the warnings below.");
            return Redirect(TermsPath);
        }
        catch (RuleViolationException e)
        {
            AddProblems(e.Problems);
            return Page();
        }
        catch (StaleEditException e)
        {
            Stale(e);
            return Page();
        }
    }
}
