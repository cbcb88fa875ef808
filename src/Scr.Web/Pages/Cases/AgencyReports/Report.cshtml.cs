using Microsoft.AspNetCore.Mvc;
using Scr.Core.Services.AgencyReports;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.AgencyReports;

/// <summary>
/// One agency's report: where it stands, its author, the version to read (the draft for the agency; what was submitted
/// for the board and the review team), the review team's decisions (their own notes only for the board and the team),
/// the feedback given to staff, and what the person may do next.
/// </summary>
public class ReportModel(CurrentUser me, AgencyReportService reports) : AgencyReportPageModel(me, reports)
{
    [TempData]
    public string? Banner { get; set; }

    public async Task OnGetAsync() => await LoadAsync();
}
