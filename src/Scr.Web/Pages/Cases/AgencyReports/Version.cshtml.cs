using Microsoft.AspNetCore.Mvc;
using Scr.Core.Models;
using Scr.Core.Services;
using Scr.Core.Services.AgencyReports;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.AgencyReports;

/// <summary>One version of an agency's report as it was saved or submitted, for those who may read it.</summary>
public class VersionModel(CurrentUser me, AgencyReportService reports) : AgencyReportPageModel(me, reports)
{
    [FromRoute]
    public int Number { get; set; }

    public AgencyReportVersion Shown { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Shown = View.Versions.FirstOrDefault(v => v.Number == Number) ?? throw new NotFoundException("That version of the agency report");
    }
}
