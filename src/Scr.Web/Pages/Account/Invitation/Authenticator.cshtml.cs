using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Scr.Core.Models;
using Scr.Core.Services.Accounts;
using Scr.Web.Security;

namespace Scr.Web.Pages.Account.Invitation;

/// <summary>Accepting an invitation, step 2: set up the authenticator app that every account must use.</summary>
[EnableRateLimiting(WebSetup.SignInRateLimit)]
public class AuthenticatorModel(AccountService accounts, UserManager<User> users) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public User? Invited { get; private set; }
    public string Key { get; private set; } = "";
    public string FormattedKey => string.Join(' ', Key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
    public string SetupUri => $"otpauth://totp/{Uri.EscapeDataString("Serious case reviews:" + Invited?.Email)}?secret={Key}&issuer={Uri.EscapeDataString("Serious case reviews")}&digits=6&period=30";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
        [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The code must be 6 digits")]
        public string? Code { get; set; }
    }

    private async Task<bool> LoadAsync()
    {
        Invited = await accounts.FindInvitationAsync(UserId, Token ?? "");
        if (Invited is null || !await users.HasPasswordAsync(Invited))
        {
            return false;
        }
        Key = await accounts.AuthenticatorKeyAsync(Invited);
        return true;
    }

    public async Task<IActionResult> OnGetAsync() =>
        await LoadAsync() ? Page() : RedirectToPage("Index", new { user = UserId, token = Token });

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return RedirectToPage("Index", new { user = UserId, token = Token });
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var actor = HttpContext.ActorAs(Invited!.Id, Invited.Email ?? "");
        if (!await accounts.CompleteInvitationAsync(Invited, Input.Code!.Replace(" ", "", StringComparison.Ordinal), actor))
        {
            ModelState.AddModelError("Input.Code", "The code is not correct or has already been used. Check the key in your app and enter the next code");
            return Page();
        }
        return Redirect("/sign-in?ready=true");
    }
}
