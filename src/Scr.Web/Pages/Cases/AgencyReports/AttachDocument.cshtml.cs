using Microsoft.AspNetCore.Mvc;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Documents;
using Scr.Core.Services.AgencyReports;
using Scr.Core.Services.Documents;
using Scr.Web.Documents;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.AgencyReports;

/// <summary>
/// Attaches a file to an agency's report (the agency's Word copy, an appendix): the agency reads it with the board and the
/// review team, whoever adds it. The file is checked by content and the upload audited, as every document is.
/// </summary>
[DocumentUpload]
public class AttachDocumentModel(CurrentUser me, AgencyReportService reports, DocumentService documents) : AgencyReportPageModel(me, reports)
{
    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public DocumentLimits Limits => documents.Limits;

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
        var principal = await LoadAsync();
        try
        {
            await using var content = Upload?.OpenReadStream();
            var added = await documents.UploadAsync(Id, new DocumentUpload(Title, Upload?.FileName, content, DocumentAudience.Agency, Report.AgencyId,
                DocumentAttachment.AgencyReport, ReportId), principal, Me.Actor, HttpContext.RequestAborted);
            TempData["Banner"] = $"‘{added.Document.Title}’ has been attached to the report.";
            return Redirect(ReportPath);
        }
        catch (RuleViolationException e)
        {
            foreach (var problem in e.Problems)
            {
                ModelState.AddModelError(problem.Field switch
                {
                    "title" => nameof(Title),
                    "file" => nameof(Upload),
                    _ => "",
                }, problem.Message);
            }
            return Page();
        }
    }
}
