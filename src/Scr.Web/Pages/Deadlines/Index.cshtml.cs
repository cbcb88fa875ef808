using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Scr.Core.Rules;
using Scr.Core.Rules.Timescales;
using Scr.Core.Services.Deadlines;
using Scr.Web.Security;

namespace Scr.Web.Pages.Deadlines;

/// <summary>Every deadline of the person's cases, done and to do, filtered by where it stands and by case.</summary>
public class IndexModel(CurrentUser me, DeadlineService deadlines) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DeadlineState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Case { get; set; }

    public IReadOnlyList<CaseDeadline> All { get; private set; } = [];
    public IReadOnlyList<CaseDeadline> Rows { get; private set; } = [];

    public IEnumerable<SelectListItem> StateItems =>
        new[] { new SelectListItem("Any", "") }.Concat(new[]
        {
            DeadlineState.Overdue, DeadlineState.DueSoon, DeadlineState.Due, DeadlineState.Done, DeadlineState.DoneLate, DeadlineState.Missed,
        }.Select(s => new SelectListItem(Labels.Of(s), s.ToString(), s == State)));

    public IEnumerable<SelectListItem> CaseItems =>
        new[] { new SelectListItem("All cases", "") }.Concat(All.DistinctBy(d => d.ReviewId).OrderBy(d => d.Reference, StringComparer.Ordinal)
            .Select(d => new SelectListItem(d.Reference, d.ReviewId.ToString(), d.ReviewId == Case)));

    public async Task OnGetAsync()
    {
        All = await deadlines.ForAsync(await me.GetAsync());
        Rows = All.Where(d => (State is null || d.State == State) && (Case is null || d.ReviewId == Case)).ToList();
    }
}
