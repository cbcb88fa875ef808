using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Reviews;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.Team;

/// <summary>
/// Adds someone to the review team: who, their role, for a panel member the agency they represent, and what they
/// declared about their part in the case. A declared conflict refuses the appointment (WT2006 8.20) unless the chair
/// has recorded an exception; the declaration is kept either way. Through <see cref="ReviewPanelService.AppointAsync"/>.
/// </summary>
public class AddModel(CurrentUser me, ReviewPanelService panels) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public ReviewPanel Panel { get; private set; } = null!;

    public Review Review => Panel.Review;

    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Agencies { get; private set; } = [];

    /// <summary>The person the conflict rule refused, whose declaration is now with the chair.</summary>
    public ConflictedPerson? Refused { get; private set; }

    public static IReadOnlyList<RadioItem> Roles { get; } = Enum.GetValues<TeamRole>()
        .Select(r => new RadioItem(r.ToString(), Labels.Of(r), Labels.HintFor(r))).ToList();

    public static IReadOnlyList<RadioItem> Declarations { get; } =
    [
        new(nameof(InvolvementKind.None), "No", "They were not involved in the case and line-manage no one who was"),
        new(nameof(InvolvementKind.InvolvedInCase), "Yes, they were involved in the case", "For example, they worked with the child or family"),
        new(nameof(InvolvementKind.LineManagesSomeoneInvolved), "Yes, they line-manage someone who was involved"),
    ];

    /// <summary>The form's fields, in the order they appear (the error summary lists them so).</summary>
    public sealed class InputModel
    {
        public Guid? Person { get; set; }
        public TeamRole? Role { get; set; }
        public Guid? AgencyId { get; set; }
        public InvolvementKind? Declaration { get; set; }
        public string? DeclarationDetails { get; set; }
    }

    private async Task<Principal> LoadAsync()
    {
        var principal = await me.GetAsync();
        Panel = await panels.GetAsync(Id, principal, me.Actor);
        var candidates = await panels.CandidatesAsync(Review);
        People = candidates
            .Select(c => new SelectListItem($"{c.Name} ({c.Email}){(c.OnRegister ? ", reviewer on the register" : "")}", c.UserId.ToString()))
            .Prepend(new SelectListItem("Choose a person", "")).ToList();
        Agencies = Panel.Agencies.Select(a => new SelectListItem($"{a.Name} ({Labels.Of(a.AgencyType ?? AgencyType.Other).ToLowerInvariant()})", a.Id.ToString()))
            .Prepend(new SelectListItem("Not a panel member", "")).ToList();
        return principal;
    }

    /// <summary>The form, preset from the register's match or the chair's exception: who and in what role.</summary>
    public async Task OnGetAsync(Guid? person, TeamRole? role)
    {
        await LoadAsync();
        Version = Review.Version;
        Input.Person = person;
        Input.Role = role is { } r && Enum.IsDefined(r) ? r : null;
        ModelState.Clear();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var posted = Version;
        var principal = await LoadAsync();
        // A value that is not one of the options is as good as none: the rules' message says what to choose.
        foreach (var key in new[] { "Input.Person", "Input.Role", "Input.AgencyId", "Input.Declaration" })
        {
            ModelState.Remove(key);
        }
        try
        {
            await panels.AppointAsync(Id, new PanelAppointmentInput(Input.Person, Input.Role, Input.AgencyId, Input.Declaration, Input.DeclarationDetails),
                posted, principal, me.Actor);
        }
        catch (RuleViolationException e)
        {
            foreach (var problem in e.Problems)
            {
                ModelState.AddModelError(problem.Field switch
                {
                    "userId" => "Input.Person",
                    "role" => "Input.Role",
                    "agencyId" => "Input.AgencyId",
                    "declaration" => "Input.Declaration",
                    "declarationDetails" => "Input.DeclarationDetails",
                    _ => "",
                }, problem.Message);
            }
            // A refusal by the conflict rule recorded the declaration: read the case again for the chair's next step.
            await LoadAsync();
            Version = Review.Version;
            Refused = Input.Person is { } person ? Panel.Conflicted.FirstOrDefault(c => c.UserId == person && !c.Covered) : null;
            return Page();
        }
        catch (StaleEditException)
        {
            Version = Review.Version;
            ModelState.AddModelError("", "Someone else changed the review team while you were choosing. Check the choices below and add them again.");
            return Page();
        }
        var name = People.FirstOrDefault(p => p.Value == Input.Person.ToString())?.Text.Split(" (")[0] ?? "They";
        TempData["Banner"] = $"{name} added to the review team as {Labels.Of(Input.Role!.Value).ToLowerInvariant()}.";
        return Redirect($"/cases/{Id}/team");
    }
}
