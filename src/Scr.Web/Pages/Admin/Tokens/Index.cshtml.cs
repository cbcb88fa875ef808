using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Services.Accounts;
using Scr.Web.Security;

namespace Scr.Web.Pages.Admin.Tokens;

/// <summary>Every API token, for a system administrator to revoke.</summary>
public class IndexModel(CurrentUser me, AccessTokenService tokens, TimeProvider clock) : PageModel
{
    public IReadOnlyList<PersonalAccessToken> Tokens { get; private set; } = [];
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGetAsync() => Tokens = await tokens.ListAsync(await me.GetAsync(), everyone: true);

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        await tokens.RevokeAsync(id, await me.GetAsync(), me.Actor);
        return RedirectToPage();
    }
}
