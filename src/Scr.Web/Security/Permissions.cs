using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Scr.Web.Security;

/// <summary>Named permissions applied to whole folders of pages; per-item checks stay in the core's services.</summary>
public static class Permissions
{
    public const string ManageOrganisations = "manage-organisations";
    public const string ManageBankHolidays = "manage-bank-holidays";

    public static void AddScrPermissions(this AuthorizationOptions options)
    {
        foreach (var systemAdministration in new[] { ManageOrganisations, ManageBankHolidays })
        {
            options.AddPolicy(systemAdministration, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new SystemAdministratorRequirement()));
        }
    }
}

public sealed class SystemAdministratorRequirement : IAuthorizationRequirement;

/// <summary>Holds when the signed-in person is a system administrator (their roles are read once per request).</summary>
public sealed class SystemAdministratorHandler(CurrentUser me) : AuthorizationHandler<SystemAdministratorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, SystemAdministratorRequirement requirement)
    {
        if (me.UserId is not null)
        {
            try
            {
                if ((await me.GetAsync()).IsSystemAdministrator)
                {
                    context.Succeed(requirement);
                }
            }
            catch (Scr.Core.Services.ForbiddenException)
            {
                // A disabled account: the requirement fails.
            }
        }
    }
}
