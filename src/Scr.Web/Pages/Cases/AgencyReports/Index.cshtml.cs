using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Services.AgencyReports;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.AgencyReports;

/// <summary>
/// The agency reports of a case (WT2006 8.18–8.27): for the board and the review team, every agency's report with its
/// author, due date and where it stands; for an agency, only its own. The business unit asks agencies from here.
/// </summary>
public class IndexModel(CurrentUser me, AgencyReportService reports) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [TempData]
    public string? Banner { get; set; }

    public AgencyReportsView View { get; private set; } = null!;

    public async Task OnGetAsync() => View = await reports.ListAsync(Id, await me.GetAsync(), me.Actor);
}
