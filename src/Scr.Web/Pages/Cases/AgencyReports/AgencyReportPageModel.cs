using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.AgencyReports;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.AgencyReports;

/// <summary>
/// What every page of one agency report shares: the report as the person may see it (another agency's report is not
/// found; the read is audited by <see cref="AgencyReportService"/>), the stamp of the report as read, so a change made
/// meanwhile is not overwritten, and the core's refusals put against the form's fields.
/// </summary>
public abstract class AgencyReportPageModel(CurrentUser me, AgencyReportService reports) : PageModel
{
    protected CurrentUser Me { get; } = me;
    protected AgencyReportService Reports { get; } = reports;

    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid ReportId { get; set; }

    /// <summary>The report as the person read it.</summary>
    [BindProperty]
    public long Stamp { get; set; }

    public AgencyReportView View { get; private set; } = null!;
    public Review Review => View.Review;
    public AgencyReport Report => View.Report;

    public string ReportPath => $"/cases/{Id}/agency-reports/{ReportId}";

    protected async Task<Principal> LoadAsync()
    {
        var principal = await Me.GetAsync();
        View = await Reports.GetAsync(Id, ReportId, principal, Me.Actor);
        return principal;
    }

    /// <summary>Loads the report and refuses those who may not take this step.</summary>
    protected async Task<Principal> LoadForAsync(Func<AgencyReportView, bool> may, string refusal)
    {
        var principal = await LoadAsync();
        if (!may(View))
        {
            throw new ForbiddenException(refusal);
        }
        return principal;
    }

    /// <summary>Puts each of the core's problems on the form's field (<c>commentsForAuthor</c> → <c>Input.CommentsForAuthor</c>), or on the form as a whole.</summary>
    protected void AddProblems(IEnumerable<RuleProblem> problems, string prefix = "Input") => ModelState.AddRuleProblems(problems, prefix);

    /// <summary>Shows a stale edit against the form and offers the report as it is now.</summary>
    protected void Stale(StaleEditException e)
    {
        ModelState.AddModelError("", e.Message);
        Stamp = View.Stamp;
    }
}
