using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Timetable;
using Scr.Web.Charts;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Timetable;

/// <summary>
/// The review's timetable (seed 000 stages 3–4; WT2006 8.15): each milestone's date from the rules against the date the
/// chair agreed, where it stands, changes of timeline, parallel processes and the constraints they put on the review.
/// For the board's own people and the review team; the business unit and the team keep it, the chair agrees changes.
/// </summary>
public class IndexModel(CurrentUser me, TimetableService timetables) : TimetablePageModel(me, timetables)
{
    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Banner { get; set; }

    public GanttChart? Chart { get; private set; }
    public string ChartDescription { get; private set; } = "";

    public async Task OnGetAsync()
    {
        var timetable = await LoadAsync();
        if (timetable.DecisionOn is { } decided)
        {
            var row = new GanttRow(Review.Reference, null, decided, timetable.Milestones, timetable.RuleSet.FinalMilestone, timetable.Processes);
            Chart = new GanttChart([row], timetable.Today, timetable.Now);
            ChartDescription = $"One bar from the decision on {Labels.Date(decided)} to {Labels.Date(GanttChart.End(row))}, with the milestones, "
                + "the trial and hearing dates of parallel processes, and the constraints they put on the review. The milestone table above and "
                + "the parallel processes below give the same facts.";
        }
    }

    /// <summary>What the person may do with a milestone: record it done, propose a new date.</summary>
    public bool MayRecord(Milestone milestone) => Timetable.MayEdit;

    public bool MayPropose(Milestone milestone) => Timetable.MayPropose && milestone.Record is null && milestone.Pending is null;
}
