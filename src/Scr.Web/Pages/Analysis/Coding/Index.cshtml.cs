using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Services.Exchange;
using Scr.Web.Security;

namespace Scr.Web.Pages.Analysis.Coding;

/// <summary>The learning record's reports to code (decision 0016), with where each is in its coding and your own coding of it.</summary>
public class IndexModel(CurrentUser me, CodingService codings) : PageModel
{
    // From the query only: Razor Pages' own route value "page" (the page's path) would otherwise bind here.
    [BindProperty(SupportsGet = true, Name = "page")]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>What an import just did (from the import page).</summary>
    [TempData]
    public string? Banner { get; set; }

    public CodingList List { get; private set; } = null!;
    public int TotalPages => Math.Max(1, (List.Total + List.PageSize - 1) / List.PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        List = await codings.ListAsync(await me.GetAsync(cancellationToken), PageNumber, cancellationToken);
    }

    public static string Label(CodingProgress progress) => progress switch
    {
        CodingProgress.NotCoded => "Not coded",
        CodingProgress.CodedOnce => "Coded once",
        CodingProgress.CodedTwice => "Coded twice",
        _ => "Settled",
    };

    public static string Colour(CodingProgress progress) => progress switch
    {
        CodingProgress.NotCoded => "grey",
        CodingProgress.CodedOnce => "blue",
        CodingProgress.CodedTwice => "yellow",
        _ => "green",
    };

    public static string Label(CodingStatus? mine) => mine switch
    {
        CodingStatus.InProgress => "In progress",
        CodingStatus.Submitted => "Submitted",
        _ => "Not started",
    };

    /// <summary>What the person can do next with the report, as the link's words.</summary>
    public static string Action(CodingListRow row) => row switch
    {
        { Mine: CodingStatus.InProgress } => "Continue coding",
        { Progress: CodingProgress.CodedTwice } => "Settle differences",
        { Mine: null, Progress: CodingProgress.NotCoded or CodingProgress.CodedOnce } => "Code this report",
        _ => "View coding",
    };

    public static string Href(CodingListRow row) =>
        row is { Progress: CodingProgress.CodedTwice, Mine: not CodingStatus.InProgress } ? $"/analysis/coding/{row.Id}/settle" : $"/analysis/coding/{row.Id}";
}
