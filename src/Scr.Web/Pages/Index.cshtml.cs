using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Rules;
using Scr.Core.Services.Deadlines;
using Scr.Core.Services.People;
using Scr.Core.Services.Reviews;
using Scr.Web.Security;

namespace Scr.Web.Pages;

/// <summary>The dashboard: what each of the person's roles needs to see first.</summary>
public class IndexModel(CurrentUser me, ReviewService reviews, DeadlineService deadlines, PeopleService people, ScrDbContext db) : PageModel
{
    public Principal Principal { get; private set; } = null!;
    public IReadOnlyList<(string Role, string Organisation)> Roles { get; private set; } = [];
    public IReadOnlyList<ReviewListRow> Visible { get; private set; } = [];
    public bool SeesBoardCases { get; private set; }
    public bool MayNotify { get; private set; }

    /// <summary>Boards where the person sees every case by role (not only through a review team).</summary>
    public IReadOnlySet<Guid> OwnBoards { get; private set; } = new HashSet<Guid>();

    public IEnumerable<ReviewListRow> AwaitingDecision => Visible.Where(r => r.Access == ReviewAccess.Full && r.IsOpen && r.Stage == ReviewStage.Identification);
    public IEnumerable<ReviewListRow> MyTeamCases => Visible.Where(r => r.Access == ReviewAccess.Full && !OwnBoards.Contains(r.BoardId));
    public IEnumerable<ReviewListRow> AgencyCases => Visible.Where(r => r.Access == ReviewAccess.AgencySummary);

    /// <summary>How many deadlines the dashboard lists before pointing to /deadlines.</summary>
    public const int DeadlinesShown = 10;

    /// <summary>Board and agency people (and review teams) see the deadlines of their cases; others have none.</summary>
    public bool ShowsDeadlines { get; private set; }
    public IReadOnlyList<CaseDeadline> Deadlines { get; private set; } = [];
    public IReadOnlyList<CaseDeadline> OpenDeadlines => Deadlines.Where(d => d.IsOpen).ToList();
    public int DoneThisMonth { get; private set; }

    /// <summary>Records of the person's own interviews waiting for them to agree (WT2006 8.27), whatever else they see.</summary>
    public IReadOnlyList<InterviewToCheck> InterviewsToCheck { get; private set; } = [];

    public int OpenAt(ReviewStage stage) => Visible.Count(r => r.IsOpen && r.Stage == stage && OwnBoards.Contains(r.BoardId));

    public async Task OnGetAsync()
    {
        Principal = await me.GetAsync();
        var organisationIds = Principal.Grants.Where(g => g.OrganisationId is not null).Select(g => g.OrganisationId!.Value).ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        Roles = Principal.Grants.Select(g => (g.Role.Title(), g.OrganisationId is { } id && names.TryGetValue(id, out var name) ? name : "All boards")).ToList();
        OwnBoards = Principal.BoardsWhere(ReviewAccessRules.BoardCaseRoles).ToHashSet();
        SeesBoardCases = OwnBoards.Count > 0;
        MayNotify = ReviewAccessRules.BoardsToNotify(Principal).Count > 0;
        InterviewsToCheck = await people.ToCheckAsync(Principal);
        (Visible, _) = await reviews.ListAsync(Principal, new ReviewListFilter(PageSize: int.MaxValue));
        ShowsDeadlines = SeesBoardCases || Principal.AgencyGrants.Count > 0 || Visible.Any(r => r.Access == ReviewAccess.Full);
        if (ShowsDeadlines)
        {
            Deadlines = await deadlines.ForAsync(Principal);
            var monthStart = DeadlineService.StartOfMonth(deadlines.Now);
            DoneThisMonth = Deadlines.Count(d => d.IsDone && d.Deadline.DoneAt >= monthStart);
        }
    }
}
