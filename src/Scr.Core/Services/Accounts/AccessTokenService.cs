using Microsoft.EntityFrameworkCore;
using Scr.Core.DataStore;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Audit;

namespace Scr.Core.Services.Accounts;

public sealed record CreatedToken(PersonalAccessToken Token, string Secret);

/// <summary>Personal access tokens for the API. People make their own; a system administrator can revoke anyone's.</summary>
public sealed class AccessTokenService(ScrDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string SecretPrefix = "scr_";
    public const int MaximumDays = 365;

    public async Task<CreatedToken> CreateAsync(string name, int days, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            throw new RuleViolationException("Enter a name for the token, 100 characters or fewer");
        }
        if (days is < 1 or > MaximumDays)
        {
            throw new RuleViolationException($"A token must last between 1 and {MaximumDays} days");
        }
        var secret = Tokens.NewSecret(SecretPrefix);
        var now = clock.GetUtcNow();
        var token = new PersonalAccessToken(principal.UserId, name.Trim(), secret[..(SecretPrefix.Length + 6)], Tokens.Hash(secret), now, now.AddDays(days));
        db.PersonalAccessTokens.Add(token);
        audit.Record(actor, AuditActions.TokenCreated, null, "token", token.Id.ToString(), $"expires={token.ExpiresAt:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedToken(token, secret);
    }

    public async Task<IReadOnlyList<PersonalAccessToken>> ListAsync(Principal principal, bool everyone, CancellationToken cancellationToken = default)
    {
        if (everyone && !principal.IsSystemAdministrator)
        {
            throw new ForbiddenException("Only a system administrator can see everyone's tokens.");
        }
        var query = db.PersonalAccessTokens.AsNoTracking().Include(t => t.User).AsQueryable();
        if (!everyone)
        {
            query = query.Where(t => t.UserId == principal.UserId);
        }
        var tokens = await query.ToListAsync(cancellationToken);
        return tokens.OrderByDescending(t => t.CreatedAt).ToList();
    }

    public async Task RevokeAsync(Guid tokenId, Principal principal, Actor actor, CancellationToken cancellationToken = default)
    {
        var token = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId, cancellationToken);
        if (token is null || (token.UserId != principal.UserId && !principal.IsSystemAdministrator))
        {
            throw new NotFoundException("The token");
        }
        token.Revoke(principal.UserId, clock.GetUtcNow());
        audit.Record(actor, AuditActions.TokenRevoked, null, "token", token.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
    }
}
