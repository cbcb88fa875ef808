using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Rules;
using Scr.Core.Services.Learning;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Learning;

/// <summary>
/// The learning repository's search (decision 0017): anyone, signed in or not, searches the published reports' text, ranked
/// by relevance, and narrows the results by the coded data with checkboxes, in a GET form that works without JavaScript.
/// </summary>
public class IndexModel(CurrentUser me, LearningRepository repository) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    // One list of chosen values per facet, named as the facet (ReportFacets.All), from the query string.
    [BindProperty(SupportsGet = true, Name = ReportFacets.Region)]
    public List<string> Region { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = ReportFacets.Year)]
    public List<string> Year { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = ReportFacets.Harm)]
    public List<string> Harm { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = ReportFacets.Theme)]
    public List<string> Theme { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = ReportFacets.AgeBand)]
    public List<string> Age { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = ReportFacets.Guidance)]
    public List<string> Guidance { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = ReportFacets.Kind)]
    public List<string> Kind { get; set; } = [];

    // From the query only: Razor Pages' own route value "page" (the page's path) would otherwise bind here.
    [BindProperty(SupportsGet = true, Name = "page")]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public ReportSearchResult Result { get; private set; } = null!;

    /// <summary>Whether the person may publish reports: the link to do so is shown to them.</summary>
    public bool MayPublish { get; private set; }

    public int TotalPages => Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    public IReadOnlyDictionary<string, List<string>> Chosen => new Dictionary<string, List<string>>
    {
        [ReportFacets.Region] = Region,
        [ReportFacets.Year] = Year,
        [ReportFacets.Harm] = Harm,
        [ReportFacets.Theme] = Theme,
        [ReportFacets.AgeBand] = Age,
        [ReportFacets.Guidance] = Guidance,
        [ReportFacets.Kind] = Kind,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var filters = Chosen.ToDictionary(c => c.Key, c => (IReadOnlyList<string>)c.Value);
        Result = await repository.SearchAsync(new ReportSearchRequest(Q, filters, PageNumber), cancellationToken);
        MayPublish = await me.FindAsync(cancellationToken) is { } principal && LearningRecordRules.BoardsToPublish(principal) is not { Count: 0 };
    }

    /// <summary>A facet's checkboxes: each value found among the results with its count, and each chosen value, found or not.</summary>
    public IReadOnlyList<RadioItem> Items(string facet)
    {
        var counts = Result.Facets.Where(f => f.Facet == facet).ToDictionary(f => f.Value, f => f.Reports);
        var values = counts.Keys.Union(Chosen[facet]);
        var ordered = facet == ReportFacets.Year ? values.OrderDescending(StringComparer.Ordinal) : values.OrderByDescending(v => counts.GetValueOrDefault(v));
        return ordered.Select(v => new RadioItem(v, $"{Labels.FacetValue(facet, v)} ({counts.GetValueOrDefault(v)})")).ToList();
    }

    /// <summary>A highlighted passage as HTML: every piece encoded, matched words in <c>mark</c> elements, nothing else.</summary>
    public static IHtmlContent Snippet(IReadOnlyList<SnippetPart> parts)
    {
        var html = new StringBuilder();
        foreach (var part in parts)
        {
            var text = HtmlEncoder.Default.Encode(part.Text);
            html.Append(part.Marked ? $"<mark>{text}</mark>" : text);
        }
        return new HtmlString(html.ToString());
    }

    /// <summary>This search's query string for another page of results.</summary>
    public string PageHref()
    {
        var query = new List<string> { "q=" + Uri.EscapeDataString(Q ?? "") };
        query.AddRange(Chosen.SelectMany(c => c.Value.Select(v => $"{c.Key}={Uri.EscapeDataString(v)}")));
        // The pagination puts the page number where {0} is; a brace in the words is escaped by Uri.EscapeDataString.
        return "?" + string.Join("&", query) + "&page={0}";
    }
}
