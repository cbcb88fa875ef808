using Microsoft.AspNetCore.Mvc;
using Scr.Core.Models;
using Scr.Core.Services.AgencyReports;
using Scr.Core.Services.Documents;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.AgencyReports;

/// <summary>
/// One agency's report: where it stands, its author, the version to read (the draft for the agency; what was submitted
/// for the board and the review team), the review team's decisions (their own notes only for the board and the team),
/// the feedback given to staff, and what the person may do next.
/// </summary>
public class ReportModel(CurrentUser me, AgencyReportService reports, DocumentService documents) : AgencyReportPageModel(me, reports)
{
    [TempData]
    public string? Banner { get; set; }

    /// <summary>The documents attached to the report that the person may read (the agency's, the board's and the team's).</summary>
    public DocumentList Documents { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var principal = await LoadAsync();
        Documents = await documents.ListAsync(Id, principal, Me.Actor, DocumentAttachment.AgencyReport, ReportId, HttpContext.RequestAborted);
    }
}
