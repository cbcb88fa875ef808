using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Scr.Core.Rules;

namespace Scr.Web.Security;

/// <summary>Named permissions applied to whole folders of pages; per-item checks stay in the core's services.</summary>
public static class Permissions
{
    public const string ManageOrganisations = "manage-organisations";
    public const string ManageBankHolidays = "manage-bank-holidays";

    /// <summary>The National Panel's workspace: the decisions boards send it and its figures.</summary>
    public const string PanelWorkspace = "panel-workspace";

    public static void AddScrPermissions(this AuthorizationOptions options)
    {
        foreach (var systemAdministration in new[] { ManageOrganisations, ManageBankHolidays })
        {
            options.AddPolicy(systemAdministration, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new SystemAdministratorRequirement()));
        }
        options.AddPolicy(PanelWorkspace, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new PanelMemberRequirement()));
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

public sealed class PanelMemberRequirement : IAuthorizationRequirement;

/// <summary>Holds when the signed-in person acts for the National Panel (<see cref="ReviewAccessRules.MayActForPanel"/>).</summary>
public sealed class PanelMemberHandler(CurrentUser me) : AuthorizationHandler<PanelMemberRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PanelMemberRequirement requirement)
    {
        if (me.UserId is not null)
        {
            try
            {
                if (ReviewAccessRules.MayActForPanel(await me.GetAsync()))
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
