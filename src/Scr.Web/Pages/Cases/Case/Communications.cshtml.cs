using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Services.Reviews;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Case;

/// <summary>
/// Who was told what, how, when and by whom (seed 000 Stage 1): the case's communications log, the service's own
/// messages and those recorded by hand. The board sees every one and who may still need telling; an involved agency sees
/// those made to itself.
/// </summary>
public class CommunicationsModel(CurrentUser me, ReviewService reviews) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [TempData]
    public string? Banner { get; set; }

    public CommunicationLog Log { get; private set; } = null!;

    public async Task OnGetAsync() => Log = await reviews.GetCommunicationsAsync(Id, await me.GetAsync(), me.Actor);
}
