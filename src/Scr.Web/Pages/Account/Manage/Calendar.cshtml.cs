using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Scr.Core.Models;
using Scr.Core.Services.Accounts;
using Scr.Core.Services.Deadlines;
using Scr.Web.Security;

namespace Scr.Web.Pages.Account.Manage;

/// <summary>
/// A person's calendar feed of their deadlines: make a secret address (shown once; only its hash is kept), see when it was
/// last read, revoke it.
/// </summary>
public class CalendarModel(CalendarFeedService feeds, DeadlineService deadlines, CurrentUser me, IOptions<ScrSettings> settings) : PageModel
{
    public IReadOnlyList<CalendarFeed> Feeds { get; private set; } = [];
    public bool HasActiveFeed => Feeds.Any(f => f.RevokedAt is null);

    /// <summary>How many deadlines the feed has now.</summary>
    public int DeadlineCount { get; private set; }

    /// <summary>The new address, on the one page view after it was made.</summary>
    [TempData]
    public string? NewAddress { get; set; }

    public async Task OnGetAsync()
    {
        var principal = await me.GetAsync();
        Feeds = await feeds.ListAsync(principal);
        DeadlineCount = (await deadlines.ResponsibleForAsync(principal)).Count;
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var created = await feeds.CreateAsync(await me.GetAsync(), me.Actor);
        NewAddress = $"{settings.Value.PublicUrl.TrimEnd('/')}/calendar/{created.Secret}.ics";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        await feeds.RevokeAsync(id, await me.GetAsync(), me.Actor);
        TempData["Banner"] = "The calendar address is revoked: calendars using it get nothing more.";
        return RedirectToPage();
    }
}
