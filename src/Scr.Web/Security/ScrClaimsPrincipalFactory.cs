using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Scr.Core.Models;

namespace Scr.Web.Security;

/// <summary>Adds the person's name and the time they signed in to the cookie.</summary>
public sealed class ScrClaimsPrincipalFactory(UserManager<User> users, IOptions<IdentityOptions> options, TimeProvider clock)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ScrClaims.Name, user.DisplayName));
        identity.AddClaim(new Claim(ScrClaims.AuthTime, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}
