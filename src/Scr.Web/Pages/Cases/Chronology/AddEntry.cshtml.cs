using Microsoft.AspNetCore.Mvc;
using Scr.Core.Rules;
using Scr.Core.Services.ChronologyReview;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.Chronology;

/// <summary>An agency types an entry of its own chronology; it joins the agency's current version.</summary>
public class AddEntryModel(CurrentUser me, ChronologyService chronologies) : EntryPageModel
{
    [BindProperty]
    public Guid? AgencyId { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Agencies { get; private set; } = [];
    public IEnumerable<RadioItem> AgencyItems => ChronologyAgencies.Items(Agencies);

    private async Task PrepareAsync()
    {
        var principal = await me.GetAsync();
        var (view, _) = await chronologies.ForEditAsync(Id, principal);
        View = view;
        Agencies = ChronologyAgencies.Of(view.Review, ReviewAccessRules.ChronologyAgenciesEditableBy(principal, view.Review));
    }

    public async Task OnGetAsync() => await PrepareAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await PrepareAsync();
        var agencyId = ChronologyAgencies.Chosen(Agencies, AgencyId, ModelState, nameof(AgencyId));
        if (agencyId is null)
        {
            AddProblems(ChronologyService.ProblemsOf(Input.Cells));
            return Page();
        }
        try
        {
            await chronologies.AddEntryAsync(Id, agencyId.Value, Input.Cells, await me.GetAsync(), me.Actor);
            TempData["Banner"] = "The entry has been added.";
            return Redirect($"/cases/{Id}/chronology");
        }
        catch (RuleViolationException e)
        {
            AddProblems(e);
            return Page();
        }
    }
}
