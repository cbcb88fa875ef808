using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Scr.Core.Models;
using Scr.Core.Services.Audit;
using Scr.Web.Security;

namespace Scr.Web.Pages.Account.Password;

[EnableRateLimiting(WebSetup.SignInRateLimit)]
public class ResetModel(UserManager<User> users, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool LinkWorks { get; private set; } = true;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a new password")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Enter the new password again")]
        [Compare(nameof(Password), ErrorMessage = "The passwords do not match")]
        public string? ConfirmPassword { get; set; }
    }

    private async Task<User?> FindAsync()
    {
        var user = await users.FindByIdAsync(UserId.ToString());
        var works = user is not null && !user.IsDisabled && !string.IsNullOrEmpty(Token)
            && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<User>.ResetPasswordTokenPurpose, Token);
        LinkWorks = works;
        return works ? user : null;
    }

    public async Task OnGetAsync() => await FindAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await FindAsync();
        if (user is null || !ModelState.IsValid)
        {
            return Page();
        }
        // Resetting changes the security stamp: every session of the account ends and the link stops working.
        var result = await users.ResetPasswordAsync(user, Token!, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordNowAsync(HttpContext.ActorAs(user.Id, user.Email ?? ""), AuditActions.PasswordReset,
            null, "user", user.Id.ToString());
        return Redirect("/sign-in?reset=true");
    }
}
