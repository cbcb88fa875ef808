using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Audit;

namespace Scr.Core.Services.Organisations;

public sealed record NewBoard(string Key, string Name, Region Region);

public sealed record NewAgency(string Key, string Name, AgencyType Type, IReadOnlyList<Guid> BoardIds);

/// <summary>Boards, the agencies that serve them, and the National Panel. Only a system administrator changes them.</summary>
public sealed partial class OrganisationService(ScrDbContext db, AuditLog audit, TimeProvider clock)
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    public async Task<IReadOnlyList<Organisation>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Organisations.AsNoTracking().Include(o => o.BoardsServed)
            .OrderBy(o => o.Kind).ThenBy(o => o.Name).ToListAsync(cancellationToken);

    public async Task<Organisation> AddBoardAsync(NewBoard board, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        RequireAdministrator(principal);
        var key = await CheckKeyAndNameAsync(board.Key, board.Name, cancellationToken);
        var organisation = Organisation.NewBoard(key, board.Name.Trim(), board.Region, clock.GetUtcNow());
        db.Organisations.Add(organisation);
        audit.Record(actor, AuditActions.OrganisationCreated, organisation.Id, "organisation", organisation.Id.ToString(), $"board key={key}");
        await db.SaveChangesAsync(cancellationToken);
        return organisation;
    }

    public async Task<Organisation> AddAgencyAsync(NewAgency agency, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        RequireAdministrator(principal);
        var key = await CheckKeyAndNameAsync(agency.Key, agency.Name, cancellationToken);
        var boardIds = agency.BoardIds.Distinct().ToList();
        var boards = await db.Organisations.Where(o => boardIds.Contains(o.Id) && o.Kind == OrganisationKind.Board).ToListAsync(cancellationToken);
        if (boards.Count == 0 || boards.Count != boardIds.Count)
        {
            throw new RuleViolationException("Select at least one board whose area the agency serves");
        }
        var organisation = Organisation.NewAgency(key, agency.Name.Trim(), agency.Type, clock.GetUtcNow());
        foreach (var board in boards)
        {
            organisation.ServeBoard(board);
        }
        db.Organisations.Add(organisation);
        audit.Record(actor, AuditActions.OrganisationCreated, null, "organisation", organisation.Id.ToString(),
            $"agency key={key}; boards={string.Join(",", boards.Select(b => b.Key))}");
        await db.SaveChangesAsync(cancellationToken);
        return organisation;
    }

    /// <summary>Makes sure the National Panel exists (there is one).</summary>
    public async Task<Organisation> EnsureNationalPanelAsync(Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        RequireAdministrator(principal);
        var panel = await db.Organisations.FirstOrDefaultAsync(o => o.Kind == OrganisationKind.NationalPanel, cancellationToken);
        if (panel is not null)
        {
            return panel;
        }
        panel = Organisation.NewNationalPanel(clock.GetUtcNow());
        db.Organisations.Add(panel);
        audit.Record(actor, AuditActions.OrganisationCreated, null, "organisation", panel.Id.ToString(), "national panel");
        await db.SaveChangesAsync(cancellationToken);
        return panel;
    }

    private static void RequireAdministrator(Principal principal)
    {
        if (!principal.IsSystemAdministrator)
        {
            throw new ForbiddenException("Only a system administrator can add boards and agencies.");
        }
    }

    private async Task<string> CheckKeyAndNameAsync(string key, string name, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var trimmed = key.Trim().ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            problems.Add("Enter a name of 200 characters or fewer");
        }
        if (trimmed.Length is 0 or > 60 || !KeyPattern().IsMatch(trimmed))
        {
            problems.Add("Enter a short key of lower-case letters, numbers and hyphens, like ‘anytown’");
        }
        else if (await db.Organisations.AnyAsync(o => o.Key == trimmed, cancellationToken))
        {
            problems.Add($"The key ‘{trimmed}’ is already used by another organisation");
        }
        if (problems.Count > 0)
        {
            throw new RuleViolationException(problems);
        }
        return trimmed;
    }
}
