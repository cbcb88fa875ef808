using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Scr.Core.Models;
using Scr.Core.Services.Audit;
using Scr.Web.Security;

namespace Scr.Web.Pages.Account.Manage;

/// <summary>A person's passkeys: add one (with a browser that supports them), see them, remove them.</summary>
public class PasskeysModel(UserManager<User> users, SignInManager<User> signIn, AuditLog audit, CurrentUser me) : PageModel
{
    [BindProperty]
    public string? CredentialJson { get; set; }

    [BindProperty]
    [StringLength(100, ErrorMessage = "Name must be 100 characters or fewer")]
    public string? Name { get; set; }

    public IReadOnlyList<UserPasskeyInfo> Passkeys { get; private set; } = [];

    [TempData]
    public string? Banner { get; set; }

    public static string IdOf(UserPasskeyInfo passkey) => WebEncoders.Base64UrlEncode(passkey.CredentialId);

    private async Task<User> LoadAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new Scr.Core.Services.ForbiddenException("Your account cannot use the service.");
        Passkeys = [.. await users.GetPasskeysAsync(user)];
        return user;
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        var user = await LoadAsync();
        if (string.IsNullOrEmpty(CredentialJson))
        {
            ModelState.AddModelError(nameof(Name), "Your browser did not send a passkey. Adding one needs JavaScript and a browser that supports passkeys");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var attestation = await signIn.PerformPasskeyAttestationAsync(CredentialJson!);
        if (!attestation.Succeeded)
        {
            ModelState.AddModelError(nameof(Name), $"The passkey could not be added: {attestation.Failure.Message}");
            return Page();
        }
        attestation.Passkey.Name = string.IsNullOrWhiteSpace(Name) ? $"Passkey added {attestation.Passkey.CreatedAt:d MMMM yyyy}" : Name.Trim();
        var added = await users.AddOrUpdatePasskeyAsync(user, attestation.Passkey);
        if (!added.Succeeded)
        {
            ModelState.AddModelError(nameof(Name), string.Join(" ", added.Errors.Select(e => e.Description)));
            return Page();
        }
        await audit.RecordNowAsync(me.Actor, AuditActions.PasskeyAdded, null, "user", user.Id.ToString());
        Banner = "Your passkey has been added. You can use it to sign in instead of your password and code.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id)
    {
        var user = await LoadAsync();
        var passkey = Passkeys.FirstOrDefault(p => IdOf(p) == id);
        if (passkey is null)
        {
            return NotFound();
        }
        await users.RemovePasskeyAsync(user, passkey.CredentialId);
        await audit.RecordNowAsync(me.Actor, AuditActions.PasskeyRemoved, null, "user", user.Id.ToString());
        Banner = "The passkey has been removed.";
        return RedirectToPage();
    }
}
