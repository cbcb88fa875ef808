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
public class IndexModel(SignInManager<User> signIn, AuditLog audit) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    [FromQuery(Name = "ready")]
    public bool AccountReady { get; set; }

    [FromQuery(Name = "reset")]
    public bool PasswordReset { get; set; }

    /// <summary>Set when a session ended mid-form and the form was kept as a draft (see Drafts/FormDrafts.cs).</summary>
    [FromQuery(Name = "draft")]
    public string? Draft { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter your password")]
        public string? Password { get; set; }
    }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect("/") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email!.Trim();
        var actor = HttpContext.ActorAs(null, email);
        var result = await signIn.PasswordSignInAsync(email, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("Code", new { returnUrl = SafeReturnUrl(ReturnUrl) });
        }
        if (result.IsLockedOut)
        {
            await audit.RecordNowAsync(actor, AuditActions.SignInLockedOut);
            ModelState.AddModelError("Input.Email", "Your account is locked after too many attempts. Try again in 15 minutes, or reset your password");
            return Page();
        }
        if (result.Succeeded)
        {
            // Every account must use two-factor authentication; one without it cannot sign in.
            await signIn.SignOutAsync();
            ModelState.AddModelError("Input.Email", "Your account has no authenticator app set up. Ask your board's business unit for a new invitation");
            return Page();
        }
        await audit.RecordNowAsync(actor, AuditActions.SignInFailed);
        ModelState.AddModelError("Input.Email", "Enter the email address and password of an active account");
        return Page();
    }

    [BindProperty]
    public string? CredentialJson { get; set; }

    /// <summary>Signing in with a passkey: the browser's assertion, posted by the passkey script.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        ModelState.Clear();
        if (string.IsNullOrEmpty(CredentialJson))
        {
            ModelState.AddModelError("Input.Email", "Your browser did not send a passkey. Sign in with your email address and password");
            return Page();
        }
        // The assertion names the account; it signs in only if the account may (not disabled, invitation complete, not locked).
        PasskeyAssertionResult<User> assertion;
        try
        {
            assertion = await signIn.PerformPasskeyAssertionAsync(CredentialJson);
        }
        catch (InvalidOperationException)
        {
            // No sign-in ceremony was started (or it expired): the same answer as a failed one.
            assertion = PasskeyAssertionResult.Fail<User>(new PasskeyException("No passkey sign-in is under way."));
        }
        if (!assertion.Succeeded || !await signIn.CanSignInAsync(assertion.User) || await signIn.UserManager.IsLockedOutAsync(assertion.User))
        {
            await audit.RecordNowAsync(HttpContext.ActorAs(assertion.User?.Id, assertion.User?.Email ?? "passkey"), AuditActions.SignInFailed, detail: "method=passkey");
            ModelState.AddModelError("Input.Email", "That passkey could not sign you in. Sign in with your email address and password");
            return Page();
        }
        // Keep the authenticator's signature counter, which exposes a cloned passkey.
        await signIn.UserManager.AddOrUpdatePasskeyAsync(assertion.User, assertion.Passkey);
        await signIn.SignInWithClaimsAsync(assertion.User, isPersistent: false, [new System.Security.Claims.Claim("amr", "pop")]);
        await audit.RecordNowAsync(HttpContext.ActorAs(assertion.User.Id, assertion.User.Email ?? ""), AuditActions.SignIn, detail: "method=passkey");
        return LocalRedirect(SafeReturnUrl(ReturnUrl));
    }

    /// <summary>Only paths on this site: never an open redirect.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
