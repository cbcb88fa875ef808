using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Accounts;
using Scr.Web.Security;

namespace Scr.Web.Pages.Admin.Users;

/// <summary>Invite a person to a role: the only way an account is made.</summary>
public class InviteModel(CurrentUser me, AccountService accounts, ScrDbContext db) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the person's email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
    public string? Email { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the person's full name")]
    [StringLength(200, ErrorMessage = "Name must be 200 characters or fewer")]
    public string? FullName { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Select a role")]
    public Role? Role { get; set; }

    [BindProperty]
    public Guid? Organisation { get; set; }

    public IReadOnlyList<SelectListItem> Roles { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    private async Task LoadAsync()
    {
        var principal = await me.GetAsync();
        var admin = principal.IsSystemAdministrator;
        var boards = principal.BoardsWhere(Scr.Core.Models.Role.BusinessUnitOfficer);
        if (!admin && boards.Count == 0)
        {
            throw new ForbiddenException("Only a system administrator or a board's business unit can invite people.");
        }
        Roles = Enum.GetValues<Role>()
            .Where(r => admin || Scr.Core.Rules.Roles.OrganisationKindFor(r) is OrganisationKind.Board or OrganisationKind.Agency)
            .Select(r => new SelectListItem(r.Title(), r.ToString())).ToList();
        var organisations = await db.Organisations.AsNoTracking().Include(o => o.BoardsServed).OrderBy(o => o.Kind).ThenBy(o => o.Name).ToListAsync();
        Organisations = new[] { new SelectListItem("None (system administrator only)", "") }
            .Concat(organisations
                .Where(o => admin || boards.Contains(o.Id) || o.BoardsServed.Any(b => boards.Contains(b.BoardId)))
                .Select(o => new SelectListItem($"{o.Name} ({o.Kind switch { OrganisationKind.Board => "board", OrganisationKind.Agency => "agency", _ => "National Panel" }})", o.Id.ToString())))
            .ToList();
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            var result = await accounts.InviteAsync(new InviteOptions(Email!, FullName!, Organisation, Role!.Value), await me.GetAsync(), me.Actor);
            TempData["Banner"] = result.NewAccount
                ? $"{FullName} has been invited. The invitation email has been sent to {Email}."
                : $"{FullName} already has an account and now also has the role {Role.Value.Title().ToLowerInvariant()}.";
            return RedirectToPage("Index");
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError(e.Message.Contains("email", StringComparison.OrdinalIgnoreCase) ? nameof(Email)
                : e.Message.Contains("name", StringComparison.OrdinalIgnoreCase) ? nameof(FullName) : nameof(Organisation), e.Messages[0]);
            return Page();
        }
        catch (ForbiddenException e)
        {
            ModelState.AddModelError(nameof(Organisation), e.Message);
            return Page();
        }
    }
}
