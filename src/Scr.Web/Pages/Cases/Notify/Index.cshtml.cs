using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Rules;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Notify;

/// <summary>Notify, step 1: which board (skipped when the person notifies to one board only).</summary>
public class IndexModel(CurrentUser me, ScrDbContext db) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Select the board to notify")]
    public Guid? Board { get; set; }

    public IReadOnlyList<SelectListItem> Boards { get; private set; } = [];

    private async Task LoadAsync()
    {
        var ids = ReviewAccessRules.BoardsToNotify(await me.GetAsync());
        // Ids are formatted here, not in SQL, where SQLite would give upper-case text that never equals Board.ToString().
        var boards = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync();
        Boards = boards.Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToList();
    }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Boards.Count switch
        {
            0 => Forbid(),
            1 => RedirectToPage("Details", new { board = Boards[0].Value }),
            _ => Page(),
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid || Boards.All(b => b.Value != Board.ToString()))
        {
            ModelState.AddModelError(nameof(Board), "Select the board to notify");
            return Page();
        }
        return RedirectToPage("Details", new { board = Board });
    }
}
