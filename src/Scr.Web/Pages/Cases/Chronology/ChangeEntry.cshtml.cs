using Microsoft.AspNetCore.Mvc;
using Scr.Core.Rules;
using Scr.Core.Services.ChronologyReview;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Chronology;

/// <summary>
/// An agency changes an entry of its own current chronology (typed or imported): checked as a new entry is, it keeps its
/// place in the agency's order. Another agency's entry is not found.
/// </summary>
public class ChangeEntryModel(CurrentUser me, ChronologyService chronologies) : EntryPageModel
{
    [FromRoute]
    public Guid EntryId { get; set; }

    public string AgencyName { get; private set; } = "";

    private async Task PrepareAsync(bool fill)
    {
        var (view, agencyId, entry) = await chronologies.EntryForEditAsync(Id, EntryId, await me.GetAsync());
        View = view;
        AgencyName = view.Review.ChronologyOf(agencyId)?.AgencyName ?? entry.Agency;
        if (fill)
        {
            Input = EntryForm.Of(entry);
        }
    }

    public async Task OnGetAsync() => await PrepareAsync(fill: true);

    public async Task<IActionResult> OnPostAsync()
    {
        await PrepareAsync(fill: false);
        try
        {
            await chronologies.ChangeEntryAsync(Id, EntryId, Input.Cells, await me.GetAsync(), me.Actor);
            TempData["Banner"] = "The entry has been changed.";
            return Redirect($"/cases/{Id}/chronology");
        }
        catch (RuleViolationException e)
        {
            AddProblems(e);
            return Page();
        }
    }
}
