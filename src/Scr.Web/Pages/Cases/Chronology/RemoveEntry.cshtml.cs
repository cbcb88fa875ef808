using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Services.ChronologyReview;
using Scr.Core.Services.Reviews;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Chronology;

/// <summary>An agency removes an entry of its own current chronology, after seeing what it removes.</summary>
public class RemoveEntryModel(CurrentUser me, ChronologyService chronologies) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid EntryId { get; set; }

    public ReviewView View { get; private set; } = null!;
    public Review Review => View.Review;
    public ChronologyEntry Entry { get; private set; } = null!;

    public async Task OnGetAsync() => (View, _, Entry) = await chronologies.EntryForEditAsync(Id, EntryId, await me.GetAsync());

    public async Task<IActionResult> OnPostAsync()
    {
        await chronologies.RemoveEntryAsync(Id, EntryId, await me.GetAsync(), me.Actor);
        TempData["Banner"] = "The entry has been removed.";
        return Redirect($"/cases/{Id}/chronology");
    }
}
