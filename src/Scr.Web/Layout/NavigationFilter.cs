using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services.Messages;
using Scr.Web.Security;

namespace Scr.Web.Layout;

/// <summary>Fills the service navigation for a signed-in person from what their roles let them use.</summary>
public sealed class NavigationFilter(CurrentUser me, InboxService inbox) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.User.Identity?.IsAuthenticated == true && context.HandlerInstance is PageModel page && me.UserId is not null)
        {
            try
            {
                var principal = await me.GetAsync(context.HttpContext.RequestAborted);
                page.ViewData.SetServiceNavigation(For(principal, await inbox.UnreadCountAsync(principal.UserId, context.HttpContext.RequestAborted)));
            }
            catch (Scr.Core.Services.ForbiddenException)
            {
                // A disabled account gets no navigation; the page itself refuses it.
            }
        }
        await next();
    }

    /// <summary>The person's links; "Messages (3)" counts their unread messages.</summary>
    public static IReadOnlyList<ServiceNavigationItem> For(Principal principal, int unreadMessages = 0)
    {
        var items = new List<ServiceNavigationItem>
        {
            new("Dashboard", "/"),
            new("Cases", "/cases"),
            new(unreadMessages > 0 ? $"Messages ({unreadMessages})" : "Messages", "/messages"),
        };
        if (ReviewAccessRules.MayActForPanel(principal))
        {
            items.Add(new("National Panel", "/panel"));
        }
        if (principal.IsSystemAdministrator || principal.BoardsWhere(ReviewAccessRules.BoardAdministratorRoles).Count > 0)
        {
            items.Add(new("Audit log", "/audit"));
        }
        if (principal.IsSystemAdministrator || principal.BoardsWhere(Role.BusinessUnitOfficer).Count > 0)
        {
            items.Add(new("Accounts", "/admin/users"));
        }
        if (principal.IsSystemAdministrator)
        {
            items.Add(new("Boards and agencies", "/admin/organisations"));
        }
        if (ReviewerRegisterRules.MaySeeRegister(principal))
        {
            items.Add(new("Reviewers", "/reviewers"));
        }
        else if (ReviewerRegisterRules.MayKeepProfile(principal))
        {
            items.Add(new("Your reviewer profile", "/reviewers/me"));
        }
        items.Add(new("API tokens", "/account/tokens"));
        return items;
    }
}
