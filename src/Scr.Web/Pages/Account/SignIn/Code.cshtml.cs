using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Scr.Core.Models;
using Scr.Core.Services.Audit;
using Scr.Web.Security;

namespace Scr.Web.Pages.Account.SignIn;

[EnableRateLimiting(WebSetup.SignInRateLimit)]
public class CodeModel(SignInManager<User> signIn, AuditLog audit) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
        [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The code must be 6 digits")]
        public string? Code { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Index") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("Index");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var actor = HttpContext.ActorAs(user.Id, user.Email ?? "");
        var code = Input.Code!.Replace(" ", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.RecordNowAsync(actor, AuditActions.SignIn);
            return LocalRedirect(IndexModel.SafeReturnUrl(ReturnUrl));
        }
        await audit.RecordNowAsync(actor, result.IsLockedOut ? AuditActions.SignInLockedOut : AuditActions.TwoFactorFailed);
        ModelState.AddModelError("Input.Code", result.IsLockedOut
            ? "Your account is locked after too many attempts. Try again in 15 minutes"
            : "The code is not correct or has already been used. Wait for the next code and enter it");
        return Page();
    }
}
