using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Core.Rules;
using Scr.Core.Services.Timetable;
using Scr.Web.Charts;
using Scr.Web.Security;

namespace Scr.Web.Pages.Timetable;

/// <summary>
/// The board's timetable: every open review past the decision to hold it as a Gantt-style chart (server-rendered SVG,
/// readable without colour) with a table of the same facts beside it. For the board's business unit, chair and
/// sub-group; agencies and review team members from elsewhere are refused.
/// </summary>
public class IndexModel(CurrentUser me, TimetableService timetables) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Board { get; set; }

    public BoardTimetable Timetable { get; private set; } = null!;
    public GanttChart? Chart { get; private set; }
    public string ChartDescription { get; private set; } = "";

    public IEnumerable<SelectListItem> BoardItems =>
        Timetable.Boards.Select(b => new SelectListItem(b.Name, b.Id.ToString(), b.Id == Timetable.BoardId));

    public async Task OnGetAsync()
    {
        Timetable = await timetables.BoardAsync(Board, await me.GetAsync(), me.Actor);
        if (Timetable.Rows.Count > 0)
        {
            var rows = Timetable.Rows.Select(r => new GanttRow(r.Review.Reference, $"Stage {(int)r.Review.Stage}", r.DecisionOn, r.Milestones,
                Core.Rules.Timescales.Deadlines.For(r.Review.Guidance).FinalMilestone, r.Review.ParallelProcesses)).ToList();
            Chart = new GanttChart(rows, Timetable.Today, Timetable.Now);
            ChartDescription = $"{Timetable.Rows.Count} {(Timetable.Rows.Count == 1 ? "review" : "reviews")} of {Timetable.BoardName}, from "
                + $"{Labels.Date(Timetable.Rows.Min(r => r.DecisionOn))} to {Labels.Date(rows.Max(GanttChart.End))}. Each bar runs from the decision to hold "
                + "the review to the milestone it runs to, with its milestones, trial and hearing dates and the constraints parallel processes put "
                + "on it. The table that follows gives the same facts.";
        }
    }
}
