using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Organisations;
using Scr.Web.Security;

namespace Scr.Web.Pages.Admin.Organisations;

public class AddBoardModel(CurrentUser me, OrganisationService organisations) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the board's name")]
    public string? Name { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter a short key for the board")]
    public string? Key { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Select the board's region")]
    public Region? Region { get; set; }

    public static IEnumerable<SelectListItem> Regions => Enum.GetValues<Region>().Select(r => new SelectListItem(Labels.Of(r), r.ToString()));

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            var board = await organisations.AddBoardAsync(new NewBoard(Key!, Name!, Region!.Value), await me.GetAsync(), me.Actor);
            TempData["Banner"] = $"{board.Name} has been added. Invite its business unit from Accounts.";
            return RedirectToPage("Index");
        }
        catch (RuleViolationException e)
        {
            foreach (var message in e.Messages)
            {
                ModelState.AddModelError(message.Contains("key", StringComparison.OrdinalIgnoreCase) ? nameof(Key) : nameof(Name), message);
            }
            return Page();
        }
    }

}
