using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;

namespace Scr.Core.Services.Accounts;

/// <summary>Loads what a person may do: every role they hold and the boards each role reaches.</summary>
public sealed class Principals(ScrDbContext db)
{
    public async Task<Principal?> LoadAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.DisabledAt == null)
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Select(m => new { m.Role, m.OrganisationId, Kind = (OrganisationKind?)m.Organisation!.Kind })
            .ToListAsync(cancellationToken);
        var agencyIds = memberships.Where(m => m.Kind == OrganisationKind.Agency).Select(m => m.OrganisationId!.Value).ToList();
        var served = agencyIds.Count == 0
            ? []
            : await db.AgencyBoards.AsNoTracking().Where(a => agencyIds.Contains(a.AgencyId)).ToListAsync(cancellationToken);
        var grants = memberships.Select(m => new Grant(m.Role, m.OrganisationId, m.Kind, m.Kind switch
        {
            OrganisationKind.Board => [m.OrganisationId!.Value],
            OrganisationKind.Agency => served.Where(s => s.AgencyId == m.OrganisationId).Select(s => s.BoardId).ToList(),
            _ => [],
        })).ToList();
        return new Principal(user.Id, string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? "" : user.DisplayName, grants);
    }
}
