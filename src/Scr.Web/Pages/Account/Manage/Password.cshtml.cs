using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Services.Audit;
using Scr.Web.Security;

namespace Scr.Web.Pages.Account.Manage;

public class PasswordModel(UserManager<User> users, SignInManager<User> signIn, AuditLog audit, CurrentUser me) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public bool Changed { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password")]
        public string? CurrentPassword { get; set; }

        [Required(ErrorMessage = "Enter a new password")]
        public string? NewPassword { get; set; }

        [Required(ErrorMessage = "Enter the new password again")]
        [Compare(nameof(NewPassword), ErrorMessage = "The passwords do not match")]
        public string? ConfirmPassword { get; set; }
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
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        // The security stamp changes: every other session of this account ends; this one is signed in again.
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword",
                    error.Code == "PasswordMismatch" ? "Your current password is not correct" : error.Description);
            }
            return Page();
        }
        await audit.RecordNowAsync(me.Actor, AuditActions.PasswordChanged, null, "user", user.Id.ToString());
        await signIn.RefreshSignInAsync(user);
        Changed = true;
        return RedirectToPage();
    }
}
