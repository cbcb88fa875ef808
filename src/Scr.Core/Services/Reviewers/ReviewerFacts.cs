using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;

namespace Scr.Core.Services.Reviewers;

/// <summary>
/// Gathers what the conflict and matching rules need to know of people, from the database: the boards and agencies
/// they work or worked for (their roles, and what they declared on the register), and the reviews they lead.
/// </summary>
public sealed class ReviewerFacts(ScrDbContext db)
{
    /// <summary>
    /// Each person's boards and agencies: every agency they hold a role in, every board they hold a board role in
    /// (other than the lead reviewer's, which independent reviewers hold to work with a board), and what they declared
    /// on the register.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Affiliation>>> AffiliationsAsync(IReadOnlyCollection<Guid> userIds,
        CancellationToken cancellationToken = default)
    {
        var roles = await db.Memberships.AsNoTracking()
            .Where(m => userIds.Contains(m.UserId) && m.OrganisationId != null && m.Role != Role.LeadReviewer
                && (m.Organisation!.Kind == OrganisationKind.Agency || m.Organisation.Kind == OrganisationKind.Board))
            .Select(m => new { m.UserId, m.OrganisationId, m.Organisation!.Name })
            .ToListAsync(cancellationToken);
        var declared = await db.ReviewerAffiliations().AsNoTracking()
            .Join(db.ReviewerProfiles().AsNoTracking(), a => a.ProfileId, p => p.Id, (a, p) => new { p.UserId, a.OrganisationId, a.OrganisationName, a.Until })
            .Where(a => userIds.Contains(a.UserId))
            .ToListAsync(cancellationToken);
        return userIds.Distinct().ToDictionary(id => id, id => (IReadOnlyList<Affiliation>)roles.Where(r => r.UserId == id)
            .Select(r => new Affiliation(r.OrganisationId, r.Name, AffiliationSource.Account))
            .Concat(declared.Where(d => d.UserId == id).Select(d => new Affiliation(d.OrganisationId, d.OrganisationName, AffiliationSource.Register, d.Until)))
            .ToList());
    }

    public async Task<IReadOnlyList<Affiliation>> AffiliationsOfAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (await AffiliationsAsync([userId], cancellationToken))[userId];

    /// <summary>For each person: reviews they were appointed to lead in this service, and the open reviews they lead or chair now.</summary>
    public async Task<IReadOnlyDictionary<Guid, (int LedHere, int CurrentLoad)>> WorkAsync(IReadOnlyCollection<Guid> userIds,
        CancellationToken cancellationToken = default)
    {
        var seats = await db.ReviewTeamMembers.AsNoTracking()
            .Where(t => userIds.Contains(t.UserId) && (t.Role == TeamRole.LeadReviewer || t.Role == TeamRole.IndependentPanelChair))
            .Join(db.Reviews.AsNoTracking(), t => t.ReviewId, r => r.Id, (t, r) => new { t.UserId, t.Role, r.Status })
            .ToListAsync(cancellationToken);
        return userIds.Distinct().ToDictionary(id => id, id => (
            seats.Count(s => s.UserId == id && s.Role == TeamRole.LeadReviewer),
            seats.Count(s => s.UserId == id && s.Status == ReviewStatus.Open)));
    }

    /// <summary>Whether the person holds a role in the board or in an agency that serves it.</summary>
    public Task<bool> WorksWithBoardAsync(Guid userId, Guid boardId, CancellationToken cancellationToken = default) =>
        db.Memberships.AsNoTracking().AnyAsync(m => m.UserId == userId
            && (m.OrganisationId == boardId || db.AgencyBoards.Any(a => a.AgencyId == m.OrganisationId && a.BoardId == boardId)), cancellationToken);
}
