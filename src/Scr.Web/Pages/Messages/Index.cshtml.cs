using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Services.Messages;
using Scr.Web.Security;

namespace Scr.Web.Pages.Messages;

/// <summary>The person's in-app messages, newest first; opening one marks it read and goes where it leads.</summary>
public class IndexModel(CurrentUser me, InboxService inbox) : PageModel
{
    public const int PageSize = 20;

    // From the query only: Razor Pages' own route value "page" (the page's path) would otherwise bind here.
    [BindProperty(SupportsGet = true, Name = "page")]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<InboxItem> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int Unread { get; private set; }
    public int TotalPages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync()
    {
        var principal = await me.GetAsync();
        PageNumber = Math.Max(1, PageNumber);
        (Items, Total, Unread) = await inbox.ListAsync(principal.UserId, PageNumber, PageSize);
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid id)
    {
        var principal = await me.GetAsync();
        var link = await inbox.OpenAsync(id, principal.UserId);
        // Links are paths in the service; anything else is not followed.
        return Url.IsLocalUrl(link) ? LocalRedirect(link) : RedirectToPage();
    }
}
