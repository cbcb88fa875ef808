using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Exchange;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Exchange;
using Scr.Web.Security;

namespace Scr.Web.Pages.Analysis.Exchange;

/// <summary>
/// The Panel loads an exchange file (shared/exchange-format.md) into the learning record, all or nothing, as
/// <c>scr exchange import</c> does: a file with problems is refused with every problem's JSON path and nothing is stored;
/// a review already held unchanged is left alone, one held with changes replaced (decision 0012).
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
[RequestSizeLimit(MaxBytes)]
public class ImportModel(CurrentUser me, ExchangeService exchange) : PageModel
{
    /// <summary>About 100,000 reviews; a larger collection goes in with the command line.</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>Every problem of a refused file, for the error summary (ModelState keeps one message a field).</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await RequireAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var principal = await RequireAsync(cancellationToken);
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), Upload is null ? "Select an exchange file" : "The selected file is empty");
            return Page();
        }
        try
        {
            await using var stream = Upload.OpenReadStream();
            var result = await exchange.ImportAsync(stream, principal, me.Actor, cancellationToken: cancellationToken);
            TempData["Banner"] = string.Create(CultureInfo.InvariantCulture,
                $"{result.Reviews:N0} reviews read from {Path.GetFileName(Upload.FileName)}: {result.Added:N0} added, {result.Replaced:N0} replaced, {result.Unchanged:N0} already held.");
            return Redirect("/analysis/coding");
        }
        catch (ExchangeFileException e)
        {
            var count = e.Problems.Count;
            ModelState.AddModelError(nameof(Upload), string.Create(CultureInfo.InvariantCulture,
                $"The file has {count:N0} {(count == 1 ? "problem" : "problems")}: nothing was imported. Put them right and upload the file again."));
            Problems = e.Problems.Lines().ToList();
            return Page();
        }
    }

    private async Task<Principal> RequireAsync(CancellationToken cancellationToken)
    {
        var principal = await me.GetAsync(cancellationToken);
        if (!LearningRecordRules.MayImport(principal))
        {
            throw new ForbiddenException("Only the National Panel can import reviews into the learning record.");
        }
        return principal;
    }
}
