using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Scr.Core.Models;

namespace Scr.Web.Security;

/// <summary>Identity's sign-in, refusing disabled accounts and accounts whose invitation is not complete.</summary>
public sealed class ScrSignInManager(
    UserManager<User> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<User> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<User>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<User> confirmation)
    : SignInManager<User>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(User user) =>
        !user.IsDisabled && user.InvitationAcceptedAt is not null && await base.CanSignInAsync(user);
}
