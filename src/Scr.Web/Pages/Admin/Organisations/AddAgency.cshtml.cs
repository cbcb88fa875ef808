using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Organisations;
using Scr.Web.Security;

namespace Scr.Web.Pages.Admin.Organisations;

public class AddAgencyModel(CurrentUser me, OrganisationService organisations) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the agency's name")]
    public string? Name { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter a short key for the agency")]
    public string? Key { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Select the kind of agency")]
    public AgencyType? Type { get; set; }

    [BindProperty]
    public List<Guid> Boards { get; set; } = [];

    public IReadOnlyList<SelectListItem> BoardItems { get; private set; } = [];

    public static IEnumerable<SelectListItem> Types => Enum.GetValues<AgencyType>().Select(t => new SelectListItem(Labels.Of(t), t.ToString()));

    private async Task LoadAsync()
    {
        BoardItems = (await organisations.ListAsync()).Where(o => o.Kind == OrganisationKind.Board)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToList();
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Boards.Count == 0)
        {
            ModelState.AddModelError(nameof(Boards), "Select at least one board whose area the agency serves");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            var agency = await organisations.AddAgencyAsync(new NewAgency(Key!, Name!, Type!.Value, Boards), await me.GetAsync(), me.Actor);
            TempData["Banner"] = $"{agency.Name} has been added.";
            return RedirectToPage("Index");
        }
        catch (RuleViolationException e)
        {
            foreach (var message in e.Messages)
            {
                ModelState.AddModelError(message.Contains("key", StringComparison.OrdinalIgnoreCase) ? nameof(Key)
                    : message.Contains("board", StringComparison.OrdinalIgnoreCase) ? nameof(Boards) : nameof(Name), message);
            }
            return Page();
        }
    }
}
