using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Accounts;

namespace Scr.Web.Pages.Account.Invitation;

/// <summary>Accepting an invitation, step 1: choose a password.</summary>
[EnableRateLimiting(WebSetup.SignInRateLimit)]
public class IndexModel(AccountService accounts) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public User? Invited { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a password")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Enter the password again")]
        [Compare(nameof(Password), ErrorMessage = "The passwords do not match")]
        public string? ConfirmPassword { get; set; }
    }

    public int MinimumLength => PasswordRules.MinimumLength;

    public async Task<IActionResult> OnGetAsync()
    {
        Invited = await accounts.FindInvitationAsync(UserId, Token ?? "");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Invited = await accounts.FindInvitationAsync(UserId, Token ?? "");
        if (Invited is null || !ModelState.IsValid)
        {
            return Page();
        }
        var result = await accounts.SetInvitationPasswordAsync(Invited, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }
            return Page();
        }
        return RedirectToPage("Authenticator", new { user = UserId, token = Token });
    }
}
