using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Services.Accounts;
using Scr.Web.Security;

namespace Scr.Web.Pages.Admin.Users;

/// <summary>Accounts and their roles: all of them for a system administrator, a board's people for its business unit.</summary>
public class IndexModel(CurrentUser me, AccountService accounts) : PageModel
{
    public IReadOnlyList<User> Users { get; private set; } = [];
    public bool IsSystemAdministrator { get; private set; }

    [TempData]
    public string? Banner { get; set; }

    public async Task OnGetAsync()
    {
        var principal = await me.GetAsync();
        IsSystemAdministrator = principal.IsSystemAdministrator;
        Users = await accounts.ListAsync(principal);
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, bool disable)
    {
        await accounts.SetDisabledAsync(id, disable, await me.GetAsync(), me.Actor);
        Banner = disable ? "The account has been disabled and signed out everywhere." : "The account has been enabled.";
        return RedirectToPage();
    }

    public static string Status(User user) =>
        user.IsDisabled ? "Disabled" : user.InvitationAcceptedAt is null ? "Invited" : "Active";
}
