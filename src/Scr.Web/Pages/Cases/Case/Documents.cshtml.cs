using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Documents;
using Scr.Core.Services.Documents;
using Scr.Web.Documents;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Cases.Case;

/// <summary>
/// A case's documents: those the person may read, and a form to add one (a title, who may read it, the file). The
/// service checks who may do what and what the file is; the upload's size limits are set before the form is read
/// (<see cref="UploadLimits"/>).
/// </summary>
[DocumentUpload]
public class DocumentsModel(CurrentUser me, DocumentService documents) : PageModel
{
    /// <summary>The audience value for everyone working on the case; an agency's is its id.</summary>
    public const string CaseTeamValue = "case-team";

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public UploadForm Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [TempData]
    public string? Banner { get; set; }

    public DocumentList List { get; private set; } = null!;

    public DocumentLimits Limits => documents.Limits;

    public sealed class UploadForm
    {
        public string? Title { get; set; }
        public string? Audience { get; set; }
    }

    public static string ValueOf(DocumentAudienceChoice choice) => choice.AgencyId?.ToString() ?? CaseTeamValue;

    public IReadOnlyList<RadioItem> AudienceItems => List.UploadTo.Select(c => new RadioItem(ValueOf(c), c.Label)).ToList();

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (TempData[UploadLimits.RefusedKey] is string refused)
        {
            ModelState.AddModelError(nameof(Upload), refused);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var principal = await me.GetAsync();
        var audience = Input.Audience switch
        {
            CaseTeamValue => (DocumentAudience.CaseTeam, (Guid?)null),
            var value when Guid.TryParse(value, out var agencyId) => (DocumentAudience.Agency, agencyId),
            _ => ((DocumentAudience?)null, (Guid?)null),
        };
        try
        {
            await using var content = Upload?.OpenReadStream();
            var added = await documents.UploadAsync(Id, new DocumentUpload(Input.Title, Upload?.FileName, content, audience.Item1, audience.Item2),
                principal, me.Actor, HttpContext.RequestAborted);
            Banner = $"‘{added.Document.Title}’ has been added";
            return Redirect($"/cases/{Id}/documents");
        }
        catch (RuleViolationException e)
        {
            foreach (var problem in e.Problems)
            {
                ModelState.AddModelError(problem.Field switch
                {
                    "title" => "Input.Title",
                    "audience" => "Input.Audience",
                    "file" => nameof(Upload),
                    _ => "",
                }, problem.Message);
            }
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        List = await documents.ListAsync(Id, await me.GetAsync(), me.Actor, cancellationToken: HttpContext.RequestAborted);
        if (List.UploadTo.Count == 1)
        {
            Input.Audience ??= ValueOf(List.UploadTo[0]);
        }
    }
}
