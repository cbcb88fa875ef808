using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Scr.Core.DataStore;
using Scr.Core.Services.Accounts;

namespace Scr.Web.Security;

/// <summary>Personal access tokens for the JSON API: "Authorization: Bearer scr_…".</summary>
public sealed class TokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ScrDbContext db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";
    public const string Prefix = Scr.Core.Services.Accounts.AccessTokenService.SecretPrefix;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("Not a personal access token.");
        }
        var hash = Tokens.Hash(secret);
        var now = clock.GetUtcNow();
        var token = await db.PersonalAccessTokens.Include(t => t.User)
            .FirstOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        if (token?.User is null || !token.IsActive(now) || token.User.IsDisabled)
        {
            return AuthenticateResult.Fail("The token is not valid, has expired or was revoked.");
        }
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(5))
        {
            await db.PersonalAccessTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, token.UserId.ToString()),
            new Claim(ClaimTypes.Email, token.User.Email ?? ""),
            new Claim(ClaimTypes.Name, token.User.Email ?? ""),
            new Claim(ScrClaims.Name, token.User.DisplayName),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
