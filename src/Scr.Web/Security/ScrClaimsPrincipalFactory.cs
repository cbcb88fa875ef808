using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Scr.Core.Models;

namespace Scr.Web.Security;

/// <summary>
/// Adds the person's name and the time they signed in. When the cookie is re-issued for someone already signed in
/// (after a password change, say) the original sign-in time is kept, so the 12-hour limit cannot be stretched.
/// </summary>
public sealed class ScrClaimsPrincipalFactory(UserManager<User> users, IOptions<IdentityOptions> options, TimeProvider clock, IHttpContextAccessor http)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ScrClaims.Name, user.DisplayName));
        var current = http.HttpContext?.User;
        var existing = current?.Identity?.IsAuthenticated == true && current.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id.ToString()
            ? current.FindFirstValue(ScrClaims.AuthTime)
            : null;
        identity.AddClaim(new Claim(ScrClaims.AuthTime, existing ?? clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}
