using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Services.Learning;
using Scr.Web.Security;

namespace Scr.Web.Pages.Learning;

/// <summary>
/// A published report, for anyone, signed in or not: its text in paragraphs and the facts published with it; Panel members also
/// get the way to its review's coded data (decision 0017).
/// </summary>
public class ReportModel(CurrentUser me, LearningRepository repository) : PageModel
{
    public PublishedReportView Report { get; private set; } = null!;

    public async Task OnGetAsync(int id, CancellationToken cancellationToken) =>
        Report = await repository.ReadAsync(id, await me.FindAsync(cancellationToken), cancellationToken);
}
