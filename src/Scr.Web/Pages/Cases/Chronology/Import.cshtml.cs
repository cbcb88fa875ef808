using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Chronology;
using Scr.Core.Services.ChronologyReview;
using Scr.Core.Services.Reviews;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.Chronology;

/// <summary>
/// An agency imports its chronology from a CSV or XLSX file on the template, all or nothing: every problem of the file is
/// listed by row and column in the error summary and nothing is stored; otherwise the file becomes the agency's new
/// current version (the old kept). The upload is read as a stream.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
[RequestSizeLimit(MaxBytes)]
public class ImportModel(CurrentUser me, ChronologyService chronologies) : PageModel
{
    /// <summary>A chronology of 50,000 rows fits well inside this.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid? AgencyId { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>
    /// Every problem of a refused file, for the error summary: ModelState keeps one message a field, and the summary must
    /// list them all.
    /// </summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public ReviewView View { get; private set; } = null!;
    public Review Review => View.Review;
    public IReadOnlyList<(Guid Id, string Name)> Agencies { get; private set; } = [];
    public IEnumerable<RadioItem> AgencyItems => ChronologyAgencies.Items(Agencies);

    private async Task PrepareAsync()
    {
        var (view, _) = await chronologies.ForEditAsync(Id, await me.GetAsync());
        View = view;
        Agencies = ChronologyAgencies.Of(view.Review, ReviewAccessRules.ChronologyAgenciesEditableBy(await me.GetAsync(), view.Review));
    }

    public async Task OnGetAsync() => await PrepareAsync();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync();
        var agencyId = ChronologyAgencies.Chosen(Agencies, AgencyId, ModelState, nameof(AgencyId));
        var format = Upload is null ? null : ChronologyReader.FormatOf(Upload.FileName);
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), Upload is null ? "Select a chronology file" : "The selected file is empty");
        }
        else if (format is null)
        {
            ModelState.AddModelError(nameof(Upload), "The selected file must be a CSV or an Excel workbook (.xlsx)");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            await using var stream = Upload!.OpenReadStream();
            var version = await chronologies.ImportAsync(Id, agencyId!.Value, stream, format!.Value, Path.GetFileName(Upload.FileName), await me.GetAsync(),
                me.Actor, cancellationToken: cancellationToken);
            TempData["Banner"] = $"{version.EntryCount.ToString("N0", CultureInfo.InvariantCulture)} entries imported as version {version.Number}.";
            return Redirect($"/cases/{Id}/chronology");
        }
        catch (ChronologyImportException e)
        {
            ModelState.AddModelError(nameof(Upload), $"The file has {e.ProblemCount.ToString("N0", CultureInfo.InvariantCulture)} "
                + $"{(e.ProblemCount == 1 ? "problem" : "problems")}: nothing was imported. Put them right and upload the file again.");
            Problems = e.Problems.Select(p => p.ToString()).ToList();
            if (e.ProblemCount > e.Problems.Count)
            {
                Problems = [.. Problems, $"and {(e.ProblemCount - e.Problems.Count).ToString("N0", CultureInfo.InvariantCulture)} more"];
            }
            return Page();
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError(nameof(AgencyId), e.Message);
            return Page();
        }
    }
}
