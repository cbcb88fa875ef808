using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Accounts;
using Scr.Web.Security;

namespace Scr.Web.Pages.Account.Manage;

/// <summary>A person's own API tokens: make one (shown once), see when each was last used, revoke.</summary>
public class TokensModel(AccessTokenService tokens, CurrentUser me, TimeProvider clock) : PageModel
{
    public DateTimeOffset Now => clock.GetUtcNow();

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<PersonalAccessToken> Tokens { get; private set; } = [];

    [TempData]
    public string? NewSecret { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a name for the token")]
        [StringLength(100, ErrorMessage = "Name must be 100 characters or fewer")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Enter how many days the token should last")]
        [Range(1, AccessTokenService.MaximumDays, ErrorMessage = "A token must last between 1 and 365 days")]
        public int? Days { get; set; } = 90;
    }

    public async Task OnGetAsync() => Tokens = await tokens.ListAsync(await me.GetAsync(), everyone: false);

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var principal = await me.GetAsync();
        if (!ModelState.IsValid)
        {
            Tokens = await tokens.ListAsync(principal, everyone: false);
            return Page();
        }
        try
        {
            var created = await tokens.CreateAsync(Input.Name!, Input.Days!.Value, principal, me.Actor);
            NewSecret = created.Secret;
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError("Input.Name", e.Messages[0]);
            Tokens = await tokens.ListAsync(principal, everyone: false);
            return Page();
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        await tokens.RevokeAsync(id, await me.GetAsync(), me.Actor);
        return RedirectToPage();
    }
}
