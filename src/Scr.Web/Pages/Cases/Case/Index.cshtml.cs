using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Reviews;
using Scr.Web.Security;

namespace Scr.Web.Pages.Cases.Case;

/// <summary>The case record: what is known, where it stands in its eight stages, and what can be done next.</summary>
public class IndexModel(CurrentUser me, ReviewService reviews, ScrDbContext db) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public ReviewView View { get; private set; } = null!;
    public Review Review => View.Review;
    public bool Full => View.Access == ReviewAccess.Full;
    public IReadOnlyList<LifecycleAction> Actions { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> People { get; private set; } = new Dictionary<Guid, string>();
    public bool MayManageTeam { get; private set; }
    public bool HasDeclared { get; private set; }

    /// <summary>The person acts for an involved agency (or the business unit for one): secure records, send a file review.</summary>
    public bool ActsForAgency { get; private set; }
    /// <summary>The board's business unit and chair see the exchange with the National Panel.</summary>
    public bool MayCorrespondWithPanel { get; private set; }

    /// <summary>The board's own people see who was told what, and who may still need telling.</summary>
    public bool IsBoard { get; private set; }

    /// <summary>The board's business unit and chair record messages sent outside the service.</summary>
    public bool MayRecordCommunication { get; private set; }

    /// <summary>Chronologies are gathered once the chair has decided to hold a review.</summary>
    public bool MaySeeChronology { get; private set; }

    public bool MaySeeGenogram => ReviewAccessRules.MaySeeGenogram(View.Access);

    [TempData]
    public string? Banner { get; set; }

    public async Task OnGetAsync()
    {
        var principal = await me.GetAsync();
        View = await reviews.GetAsync(Id, principal, me.Actor);
        if (Full)
        {
            Actions = Lifecycle.AvailableFor(Review).Where(a => a.MayBeMadeBy(View.Actors)).ToList();
            var ids = Review.StageEvents.Select(e => e.ById).Append(Review.DecidedById ?? Guid.Empty).Distinct().ToList();
            People = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
            MayManageTeam = ReviewAccessRules.MayManageTeam(principal, Review);
        }
        HasDeclared = Review.HasDeclaredInvolvement(principal.UserId);
        ActsForAgency = Review.Agencies.Any(a => ReviewAccessRules.MayActForAgency(principal, Review, a.AgencyId));
        MayCorrespondWithPanel = Full && ReviewAccessRules.MayCorrespondWithPanel(principal, Review.BoardId);
        IsBoard = ReviewAccessRules.MaySeeBoardRecords(principal, Review);
        MayRecordCommunication = ReviewAccessRules.MayRecordCommunication(principal, Review);
        MaySeeChronology = Review.Stage != ReviewStage.Identification && ReviewAccessRules.MaySeeChronology(principal, View.Access, Review);
    }

    /// <summary>When the case entered a stage (the last time), if it has.</summary>
    public DateTimeOffset? EnteredAt(ReviewStage stage) =>
        Review.StageEvents.Where(e => e.To == stage && e.From != stage).OrderByDescending(e => e.At).Select(e => (DateTimeOffset?)e.At).FirstOrDefault();

    public string Person(Guid id) => People.TryGetValue(id, out var name) ? name : "Unknown";

    /// <summary>What the next forward move still needs, as the case's task list.</summary>
    public IEnumerable<(string Task, bool Done)> Tasks()
    {
        var forward = Lifecycle.AvailableFor(Review).FirstOrDefault(a => a.Key is not ("step-back" or "do-not-initiate"));
        if (forward is null)
        {
            yield break;
        }
        foreach (var requirement in forward.Requirements)
        {
            yield return (requirement.Task, requirement.IsMet(Review));
        }
    }
}
