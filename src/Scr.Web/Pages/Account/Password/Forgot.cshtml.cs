using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Scr.Core.Services.Accounts;
using Scr.Web.Security;

namespace Scr.Web.Pages.Account.Password;

[EnableRateLimiting(WebSetup.SignInRateLimit)]
public class ForgotModel(AccountService accounts, IOptions<ScrSettings> settings) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
        public string? Email { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var baseUrl = settings.Value.PublicUrl.TrimEnd('/');
        await accounts.RequestPasswordResetAsync(Input.Email!,
            (user, token) => $"{baseUrl}/account/password/reset?user={user.Id}&token={Uri.EscapeDataString(token)}",
            HttpContext.ActorAs(null, Input.Email!));
        // The same answer whether or not the address has an account.
        Sent = true;
        return Page();
    }
}
