using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Reviewers;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Reviewers;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Reviewers;

/// <summary>
/// A reviewer declares a board or agency they work or worked for: they are then not independent of any case of that
/// board or involving that agency (WT2006 8.20), and are neither matched nor appointed to one without the chair's exception.
/// </summary>
public class ConflictsModel(CurrentUser me, ReviewerRegisterService register, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public sealed class InputModel
    {
        public Guid? OrganisationId { get; set; }
        public string? OrganisationName { get; set; }
        public string? Position { get; set; }
        public DateInputModel Until { get; set; } = new();
    }

    private async Task<bool> LoadAsync()
    {
        var mine = await register.GetMineAsync(await me.GetAsync());
        Organisations = (await register.OrganisationsAsync())
            .Select(o => new SelectListItem($"{o.Name}{(o.Kind == OrganisationKind.Board ? " (board)" : "")}", o.Id.ToString()))
            .Prepend(new SelectListItem("Not in the service: give its name below", "")).ToList();
        return mine is not null;
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Redirect("/reviewers/me");

    public async Task<IActionResult> OnPostAsync()
    {
        var principal = await me.GetAsync();
        await LoadAsync();
        ModelState.Remove("Input.OrganisationId");
        var today = UkTime.DateOf(clock.GetUtcNow());
        var until = RegisterPages.OptionalDate(Input.Until, ModelState, "Input.Until", "the date you left", today);
        RegisterPages.AddProblems(ModelState, ReviewerRules.CheckAffiliation(Input.OrganisationId, Input.OrganisationName, Input.Position, until, today));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            await register.AddAffiliationAsync(new AffiliationInput(Input.OrganisationId, Input.OrganisationName, Input.Position, until), principal, me.Actor);
        }
        catch (RuleViolationException e)
        {
            RegisterPages.AddProblems(ModelState, e.Problems);
            return Page();
        }
        TempData["Banner"] = "The organisation has been added to your entry.";
        return Redirect("/reviewers/me");
    }
}
