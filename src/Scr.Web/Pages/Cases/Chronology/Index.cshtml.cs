using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Chronology;
using Scr.Core.Services.ChronologyReview;
using Scr.Web.Charts;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Chronology;

/// <summary>
/// The integrated chronology: every agency's current entries the person may see, in time order, entries of several
/// agencies at the same time shown together, filtered by a GET form and paged; beside it the gaps, the child seen and
/// heard per agency, the discrepancies and the key practice episodes, and a swimlane of the page. Every read is audited.
/// </summary>
public class IndexModel(CurrentUser me, ChronologyService chronologies) : PageModel
{
    private static readonly string[] DateFormats = ["d/M/yyyy", "yyyy-MM-dd"];

    [FromRoute]
    public Guid Id { get; set; }

    [TempData]
    public string? Banner { get; set; }

    [BindProperty(SupportsGet = true, Name = "agency")]
    public Guid? Agency { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "contact")]
    public ContactType? Contact { get; set; }

    [BindProperty(SupportsGet = true, Name = "seen")]
    public ChildSeen? Seen { get; set; }

    [BindProperty(SupportsGet = true, Name = "episode")]
    public Guid? Episode { get; set; }

    [BindProperty(SupportsGet = true, Name = "gap")]
    public int Gap { get; set; } = ChronologyGapOptions.DefaultThresholdDays;

    // From the query only, as the other paged lists: Razor Pages' own "page" route value would bind here too and be refused.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public EpisodeForm Mark { get; set; } = new();

    public ChronologyView View { get; private set; } = null!;
    public Review Review => View.Review;
    public string Swimlane { get; private set; } = "";

    public sealed class EpisodeForm
    {
        public string? Title { get; set; }
        public string? WhyItMatters { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
    }

    public IEnumerable<SelectListItem> AgencyItems =>
        View.Agencies.Select(a => new SelectListItem(a.AgencyName, a.AgencyId.ToString(), a.AgencyId == Agency)).Prepend(new SelectListItem("All agencies", ""));

    public IEnumerable<SelectListItem> ContactItems =>
        Enum.GetValues<ContactType>().Select(t => new SelectListItem(Labels.Of(t), t.ToString(), t == Contact)).Prepend(new SelectListItem("Any", ""));

    public IEnumerable<SelectListItem> SeenItems =>
        new[] { ChildSeen.Yes, ChildSeen.No, ChildSeen.NotRecorded }.Select(s => new SelectListItem(Labels.Of(s), s.ToString(), s == Seen))
            .Prepend(new SelectListItem("Any", ""));

    public IEnumerable<SelectListItem> EpisodeItems =>
        Review.KeyPracticeEpisodes.OrderBy(e => e.From).Select(e => new SelectListItem(e.Title, e.Id.ToString(), e.Id == Episode))
            .Prepend(new SelectListItem("Any", ""));

    /// <summary>The query string of the filters, for the pages' links and the exports.</summary>
    public string Query(int? page = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
        Add("agency", Agency?.ToString());
        Add("from", From);
        Add("to", To);
        Add("contact", Contact?.ToString());
        Add("seen", Seen?.ToString());
        Add("episode", Episode?.ToString());
        if (Gap != ChronologyGapOptions.DefaultThresholdDays)
        {
            Add("gap", Gap.ToString(CultureInfo.InvariantCulture));
        }
        if (page is { } p)
        {
            Add("page", p.ToString(CultureInfo.InvariantCulture));
        }
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    public static DateOnly? ReadDate(string? text, out bool ok)
    {
        ok = true;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        ok = DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        return ok ? date : null;
    }

    public async Task OnGetAsync()
    {
        var from = ReadDate(From, out var fromOk);
        var to = ReadDate(To, out var toOk);
        if (!fromOk)
        {
            ModelState.AddModelError("from", "The date from must be a real date, like 31/01/2024");
        }
        if (!toOk)
        {
            ModelState.AddModelError("to", "The date to must be a real date, like 31/01/2024");
        }
        if (Gap < 1)
        {
            ModelState.AddModelError("gap", "The gap must be 1 day or more");
            Gap = ChronologyGapOptions.DefaultThresholdDays;
        }
        await LoadAsync(from, to);
    }

    private async Task LoadAsync(DateOnly? from, DateOnly? to)
    {
        var principal = await me.GetAsync();
        View = await chronologies.GetAsync(Id, new ChronologyFilter(Agency, from, to, Contact, Seen, Episode, PageNumber), principal, me.Actor,
            gapThresholdDays: Gap);
        // The whole chronology the person sees, whatever the filters and the page: the kept analysis has it by agency and day.
        var names = View.Agencies.Select(a => a.AgencyName).ToList();
        Swimlane = View.Analysis is { } analysis
            ? ChronologySwimlane.Render(names, analysis.Timeline, $"Swimlane of every entry, case {Review.Reference}")
            : ChronologySwimlane.Render(names, View.Groups.SelectMany(g => g.Entries).ToList(), $"Swimlane of the entries on this page, case {Review.Reference}");
    }

    public async Task<IActionResult> OnPostShareAsync()
    {
        var principal = await me.GetAsync();
        try
        {
            await chronologies.ShareAsync(Id, principal, me.Actor);
            TempData["Banner"] = "The integrated chronology is shared with the agencies involved.";
        }
        catch (RuleViolationException e)
        {
            TempData["Banner"] = e.Message;
        }
        return Redirect($"/cases/{Id}/chronology");
    }

    public async Task<IActionResult> OnPostEpisodeAsync()
    {
        var principal = await me.GetAsync();
        var from = ReadDate(Mark.From, out var fromOk);
        var to = ReadDate(Mark.To, out var toOk);
        if (!fromOk || from is null)
        {
            ModelState.AddModelError("Mark.From", "Enter the day the episode starts, like 31/01/2024");
        }
        if (!toOk || to is null)
        {
            ModelState.AddModelError("Mark.To", "Enter the day the episode ends, like 31/01/2024");
        }
        if (ModelState.IsValid)
        {
            try
            {
                await chronologies.MarkEpisodeAsync(Id, new KeyPracticeEpisodeInput(Mark.Title ?? "", Mark.WhyItMatters ?? "", from!.Value, to!.Value),
                    principal, me.Actor);
                TempData["Banner"] = "The key practice episode is marked.";
                return Redirect($"/cases/{Id}/chronology");
            }
            catch (RuleViolationException e)
            {
                foreach (var problem in e.Problems)
                {
                    ModelState.AddModelError(problem.Field switch
                    {
                        "title" => "Mark.Title",
                        "whyItMatters" => "Mark.WhyItMatters",
                        "to" => "Mark.To",
                        _ => "",
                    }, problem.Message);
                }
            }
        }
        await LoadAsync(null, null);
        return Page();
    }
}
