using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Genogram;
using Scr.Core.Services;
using Scr.Core.Services.Genogram;
using Scr.Web.Charts;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Genogram;

/// <summary>
/// The genogram of a case: the drawing, named or (with <c>?anonymised=true</c>) with roles or letters instead of names,
/// the people, relationships and households as tables with their change and remove links, and the drawing as an SVG
/// file (<c>?handler=Svg</c>). For the board and the review team; every read and download is audited.
/// </summary>
public class IndexModel(CurrentUser me, GenogramService genograms) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "anonymised")]
    public bool Anonymised { get; set; }

    [TempData]
    public string? Banner { get; set; }

    /// <summary>Why a removal was not made (someone else changed the genogram meanwhile), shown as an error summary.</summary>
    [TempData]
    public string? Problem { get; set; }

    public GenogramView Genogram { get; private set; } = null!;
    public Review Review => Genogram.Review;
    public GenogramFamily Family => Genogram.Family;

    /// <summary>The drawing, as SVG markup.</summary>
    public string Drawing { get; private set; } = "";

    /// <summary>What the page calls each person: their name, or in the anonymised version their role or letter.</summary>
    public IReadOnlyDictionary<string, string> PersonLabels { get; private set; } = new Dictionary<string, string>();

    public string Path => $"/cases/{Id}/genogram";

    public async Task OnGetAsync() => await LoadAsync(download: false);

    /// <summary>The drawing as a file, named or anonymised as asked.</summary>
    public async Task<IActionResult> OnGetSvgAsync()
    {
        await LoadAsync(download: true);
        var name = $"genogram-{Review.Reference}{(Anonymised ? "-anonymised" : "")}.svg";
        return File(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Drawing), "image/svg+xml", name);
    }

    public Task<IActionResult> OnPostRemoveCoupleAsync(int index, Guid version) =>
        ChangeAsync((principal, actor) => genograms.RemoveCoupleAsync(Id, index, version, principal, actor), "The couple is removed.");

    public Task<IActionResult> OnPostRemoveParentAsync(int index, Guid version) =>
        ChangeAsync((principal, actor) => genograms.RemoveParentAsync(Id, index, version, principal, actor), "The parent and child link is removed.");

    public Task<IActionResult> OnPostRemoveHouseholdAsync(int index, Guid version) =>
        ChangeAsync((principal, actor) => genograms.RemoveHouseholdAsync(Id, index, version, principal, actor), "The household is removed.");

    private async Task<IActionResult> ChangeAsync(Func<Principal, Actor, Task> change, string banner)
    {
        try
        {
            await change(await me.GetAsync(), me.Actor);
            Banner = banner;
        }
        catch (StaleEditException e)
        {
            Problem = e.Message;
        }
        catch (RuleViolationException e)
        {
            Problem = string.Join(" ", e.Problems.Select(p => p.Message));
        }
        return Redirect(Path);
    }

    private async Task LoadAsync(bool download)
    {
        Genogram = await genograms.GetAsync(Id, Anonymised, await me.GetAsync(), me.Actor, download);
        PersonLabels = Anonymised ? GenogramRules.AnonymisedLabels(Family) : Family.People.ToDictionary(p => p.Key, p => p.Name, StringComparer.Ordinal);
        Drawing = Genogram.IsEmpty ? "" : GenogramChart.Render(Family, Anonymised, Genogram.Today,
            $"Genogram{(Anonymised ? " (anonymised)" : "")}, case {Review.Reference}");
    }

    public string Label(string key) => PersonLabels.TryGetValue(key, out var label) ? label : key;

    /// <summary>A person's age, whether they have died, and (named only) their date of birth.</summary>
    public string Detail(GenogramPerson person) => GenogramChart.Detail(person, Anonymised, Genogram.Today) ?? "Not known";
}
