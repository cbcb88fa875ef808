using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Reviews;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases;

/// <summary>Every case the person may see, filtered by stage, status and reference.</summary>
public class IndexModel(CurrentUser me, ReviewService reviews) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public ReviewStage? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public ReviewStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    // From the query only: Razor Pages' own route value "page" (the page's path) would otherwise bind here.
    [BindProperty(SupportsGet = true, Name = "page")]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ReviewListRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int TotalPages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool MayNotify { get; private set; }

    public IEnumerable<SelectListItem> StageItems =>
        new[] { new SelectListItem("All stages", "") }.Concat(ReviewStages.All.Select(s => new SelectListItem($"{(int)s}. {s.Title()}", s.ToString(), s == Stage)));

    public IEnumerable<SelectListItem> StatusItems =>
        new[] { new SelectListItem("Any status", "") }.Concat(Enum.GetValues<ReviewStatus>().Select(s => new SelectListItem(Labels.Of(s), s.ToString(), s == Status)));

    public string PageHref => $"?stage={Stage}&status={Status}&search={Uri.EscapeDataString(Search ?? "")}&page={{0}}";

    public async Task OnGetAsync()
    {
        var principal = await me.GetAsync();
        PageNumber = Math.Max(1, PageNumber);
        (Rows, Total) = await reviews.ListAsync(principal, new ReviewListFilter(Stage: Stage, Status: Status, Search: Search, Page: PageNumber, PageSize: PageSize));
        MayNotify = ReviewAccessRules.BoardsToNotify(principal).Count > 0;
    }
}
