using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Services.Learning;
using Scr.Web.Security;

namespace Scr.Web.Pages.Learning.Publish;

/// <summary>The learning record's reviews whose reports the person may publish: the Panel's every review, a business unit its board's.</summary>
public class IndexModel(CurrentUser me, LearningRepository repository) : PageModel
{
    // From the query only: Razor Pages' own route value "page" (the page's path) would otherwise bind here.
    [BindProperty(SupportsGet = true, Name = "page")]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PublishableList List { get; private set; } = null!;
    public int TotalPages => Math.Max(1, (List.Total + List.PageSize - 1) / List.PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        List = await repository.PublishableAsync(await me.GetAsync(cancellationToken), PageNumber, cancellationToken);
    }
}
