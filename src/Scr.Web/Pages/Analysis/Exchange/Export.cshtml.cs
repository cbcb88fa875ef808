using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Core.Services.Exchange;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Analysis.Exchange;

/// <summary>
/// Reviews of the learning record as an exchange file, as <c>scr exchange export</c> writes it: the Panel's any board's,
/// a board's business unit its own board's (decision 0012), limited to a board and a period of the incident's date.
/// The file imports again to the same records. Audited.
/// </summary>
public class ExportModel(CurrentUser me, ExchangeService exchange) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Board { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateInputModel From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInputModel To { get; set; } = new();

    public IReadOnlyList<SelectListItem> BoardItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await PrepareAsync(cancellationToken);

    /// <summary>The file, written to a temporary file first so that a refusal is a page, never half a download.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        var boards = await PrepareAsync(cancellationToken);
        var (from, to) = DateInputValidation.ValidatePeriod(ModelState, From, To);
        var board = string.IsNullOrWhiteSpace(Board) ? null : Board;
        if (board is not null && !boards.Any(b => b.Key == board))
        {
            ModelState.AddModelError(nameof(Board), "Select a board whose reviews you may export");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var file = TemporaryFile.Create();
        try
        {
            await exchange.ExportAsync(file, new ExchangeExportFilter(board, from, to), await me.GetAsync(cancellationToken), me.Actor, cancellationToken);
            file.Position = 0;
            return File(file, "application/json", $"learning-record-{board ?? "all"}.json");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private async Task<IReadOnlyList<(string Key, string Name)>> PrepareAsync(CancellationToken cancellationToken)
    {
        var boards = await exchange.BoardsToExportAsync(await me.GetAsync(cancellationToken), cancellationToken);
        BoardItems = new[] { new SelectListItem(boards.Count == 1 ? boards[0].Name : "All boards", "") }
            .Concat(boards.Count == 1 ? [] : boards.Select(b => new SelectListItem(b.Name, b.Key, b.Key == Board))).ToList();
        return boards;
    }
}
