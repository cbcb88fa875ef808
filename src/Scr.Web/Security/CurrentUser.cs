using System.Security.Claims;
using Scr.Core.Rules;
using Scr.Core.Services;
using Scr.Core.Services.Accounts;

namespace Scr.Web.Security;

/// <summary>The signed-in person for this request: their roles (loaded once) and how the audit log names them.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, Principals principals)
{
    private Principal? _principal;

    public Guid? UserId =>
        Guid.TryParse(http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public Actor Actor
    {
        get
        {
            var context = http.HttpContext;
            var name = context?.User.FindFirstValue(ClaimTypes.Email) ?? context?.User.Identity?.Name ?? "anonymous";
            return context is null ? new Actor(UserId, name, null) : context.ActorAs(UserId, name);
        }
    }

    /// <summary>The person's roles; a disabled or unknown account has none and is refused.</summary>
    public async Task<Principal> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_principal is not null)
        {
            return _principal;
        }
        var principal = UserId is { } id ? await principals.LoadAsync(id, cancellationToken) : null;
        _principal = principal ?? throw new ForbiddenException("Your account cannot use the service.");
        return _principal;
    }

    /// <summary>For pages anyone may read: the person's roles, or null when no one is signed in (or the account cannot be used).</summary>
    public async Task<Principal?> FindAsync(CancellationToken cancellationToken = default)
    {
        if (UserId is null)
        {
            return null;
        }
        try
        {
            return await GetAsync(cancellationToken);
        }
        catch (ForbiddenException)
        {
            return null;
        }
    }
}

public static class RequestActor
{
    /// <summary>The audit log's "who" for a request made before (or while) the person is signed in: name and address.</summary>
    public static Actor ActorAs(this HttpContext context, Guid? userId, string name) =>
        new(userId, name, context.Connection.RemoteIpAddress?.ToString());
}
