using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Rules.Analysis;
using Scr.Core.Services.Panel;
using Scr.Web.Security;
using Scr.Web.TagHelpers;

namespace Scr.Web.Pages.Panel;

/// <summary>
/// The National Panel's workspace: its figures (002 ¶10, ¶13), the boards that have sent nothing, and every decision
/// received from the boards, filtered and paged.
/// </summary>
public class IndexModel(CurrentUser me, PanelService panel) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public Guid? Board { get; set; }

    [BindProperty(SupportsGet = true)]
    public DecisionOutcome? Outcome { get; set; }

    [BindProperty(SupportsGet = true)]
    public PanelState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateInputModel From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInputModel To { get; set; } = new();

    // From the query only: Razor Pages' own route value "page" (the page's path) would otherwise bind here.
    [BindProperty(SupportsGet = true, Name = "page")]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PanelFiguresView Figures { get; private set; } = null!;
    public IReadOnlyList<PanelListRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int TotalPages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<SelectListItem> BoardItems { get; private set; } = [];

    public IEnumerable<SelectListItem> OutcomeItems =>
        new[] { new SelectListItem("Any decision", "") }.Concat(Enum.GetValues<DecisionOutcome>().Select(o => new SelectListItem(Labels.Of(o), o.ToString(), o == Outcome)));

    public IEnumerable<SelectListItem> StateItems =>
        new[] { new SelectListItem("Any response", "") }.Concat(Enum.GetValues<PanelState>().Select(s => new SelectListItem(Labels.Of(s), s.ToString(), s == State)));

    public string PageHref =>
        $"?Board={Board}&Outcome={Outcome}&State={State}&From.Day={From.Day}&From.Month={From.Month}&From.Year={From.Year}"
        + $"&To.Day={To.Day}&To.Month={To.Month}&To.Year={To.Year}&page={{0}}";

    /// <summary>The rows of the Panel's figures in plain words: the table's key, its label and what its percent is of.</summary>
    public static readonly IReadOnlyList<(string Key, string Label, string Of)> DecisionRows =
    [
        (PanelFigures.Initiated, "Decisions to initiate a review", "of decisions received"),
        (PanelFigures.NotInitiated, "Decisions not to initiate", "of decisions received"),
        (PanelFigures.Agreed, "Decisions not to initiate that the Panel agreed", "of decisions not to initiate"),
        (PanelFigures.Challenged, "Decisions not to initiate that the Panel questioned", "of decisions not to initiate"),
        (PanelFigures.BecameReview, "Questioned decisions that became a review", "of those questioned"),
        (PanelFigures.AcceptedAfterInformation, "Questioned decisions accepted after further information", "of those questioned"),
        (PanelFigures.AwaitingInformation, "Questioned decisions awaiting information", "of those questioned"),
    ];

    public static readonly IReadOnlyList<(string Key, string Label, string Of)> BoardRows =
    [
        (PanelFigures.NotInTouch, "Boards that have sent nothing", "of all boards"),
        (PanelFigures.InTouch, "Boards that have sent at least one decision", "of all boards"),
    ];

    public static string Percent(AnalysisRow row, string of) => row.Percent is { } percent ? $"{percent}% {of}" : "Not applicable";

    public string Period => (Figures.From, Figures.To) switch
    {
        (null, null) => "All decisions received",
        ({ } from, null) => $"Decisions made from {Labels.Date(from)}",
        (null, { } to) => $"Decisions made up to {Labels.Date(to)}",
        ({ } from, { } to) => $"Decisions made from {Labels.Date(from)} to {Labels.Date(to)}",
    };

    public async Task OnGetAsync()
    {
        var principal = await me.GetAsync();
        var (from, to) = DateInputValidation.ValidatePeriod(ModelState, From, To);
        PageNumber = Math.Max(1, PageNumber);
        Figures = await panel.FiguresAsync(from, to, principal);
        (Rows, Total) = await panel.ListAsync(new PanelListFilter(Board, Outcome, State, from, to, PageNumber, PageSize), principal);
        // Ids are formatted here, not in SQL (SQLite gives upper-case text), so the chosen board shows as selected.
        BoardItems = new[] { new SelectListItem("All boards", "") }
            .Concat((await panel.BoardsAsync(principal)).Select(b => new SelectListItem(b.Name, b.Id.ToString(), b.Id == Board))).ToList();
    }
}
