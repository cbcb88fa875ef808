using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Services.Audit;
using Scr.Web.Security;

namespace Scr.Web.Pages.Account;

public class SignOutModel(SignInManager<User> signIn, AuditLog audit, CurrentUser me) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await audit.RecordNowAsync(me.Actor, AuditActions.SignOut);
        await signIn.SignOutAsync();
        return Redirect("/signed-out");
    }
}
