using Scr.Core.Models;
using Scr.Core.Rules;
using Scr.Core.Services;

namespace Scr.Cli.Infrastructure;

/// <summary>
/// Who the CLI acts as: a system administrator (whoever can run it can already reach the database), recorded in the audit
/// log as "cli:" and the operating system's user name.
/// </summary>
internal static class CliIdentity
{
    /// <summary>The CLI is not an account, so it has no user id of its own; grants it makes record this empty id.</summary>
    public static readonly Principal Administrator =
        new(Guid.Empty, "Command line", [new Grant(Role.SystemAdministrator, null, null, [])]);

    public static Actor Actor => Actor.System($"cli:{Environment.UserName}");
}
