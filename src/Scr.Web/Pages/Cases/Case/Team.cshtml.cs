using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Reviews;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Case;

/// <summary>The review team: who may work on the case. A person who declared involvement cannot be added.</summary>
public class TeamModel(CurrentUser me, ReviewService reviews, ScrDbContext db) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Select the person to add")]
    public Guid? Person { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Select their role on the review team")]
    public TeamRole? Role { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public Review Review { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Candidates { get; private set; } = [];
    public IReadOnlyList<string> Declared { get; private set; } = [];

    public static IEnumerable<SelectListItem> RoleItems => Enum.GetValues<TeamRole>().Select(r => new SelectListItem(Labels.Of(r), r.ToString()));

    private async Task LoadAsync()
    {
        var principal = await me.GetAsync();
        var view = await reviews.GetAsync(Id, principal, me.Actor);
        if (!ReviewAccessRules.MayManageTeam(principal, view.Review) || view.Access != ReviewAccess.Full)
        {
            throw new ForbiddenException("Only the business unit or the chair can change the review team.");
        }
        Review = view.Review;
        var boardId = Review.BoardId;
        var onTeam = Review.Team.Select(t => t.UserId).ToList();
        var declared = Review.Declarations.Select(d => d.UserId).ToList();
        var people = await db.Users.AsNoTracking()
            .Where(u => u.DisabledAt == null && u.InvitationAcceptedAt != null)
            .Where(u => u.Memberships.Any(m => m.OrganisationId == boardId
                || db.AgencyBoards.Any(a => a.AgencyId == m.OrganisationId && a.BoardId == boardId)))
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync();
        Candidates = people.Where(p => !onTeam.Contains(p.Id) && !declared.Contains(p.Id))
            .Select(p => new SelectListItem($"{p.DisplayName} ({p.Email})", p.Id.ToString())).ToList();
        Declared = people.Where(p => declared.Contains(p.Id)).Select(p => p.DisplayName).ToList();
    }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Version = Review.Version;
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            await reviews.AddToTeamAsync(Id, Person!.Value, Role!.Value, Version, await me.GetAsync(), me.Actor);
        }
        catch (Exception e) when (e is RuleViolationException or StaleEditException)
        {
            ModelState.AddModelError(nameof(Person), e is RuleViolationException r ? r.Messages[0] : e.Message);
            Version = Review.Version;
            return Page();
        }
        TempData["Banner"] = "The review team has been updated.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid user)
    {
        await LoadAsync();
        ModelState.Clear();
        try
        {
            await reviews.RemoveFromTeamAsync(Id, user, Version, await me.GetAsync(), me.Actor);
        }
        catch (StaleEditException e)
        {
            ModelState.AddModelError(nameof(Person), e.Message);
            Version = Review.Version;
            return Page();
        }
        TempData["Banner"] = "The review team has been updated.";
        return RedirectToPage(new { id = Id });
    }
}
