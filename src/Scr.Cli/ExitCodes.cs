namespace Scr.Cli;

/// <summary>What the CLI's exit code means, so scripts and monitoring can tell the cases apart.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The audit log's hash chain is broken: an entry was altered, removed or inserted.</summary>
    public const int AuditBroken = 1;

    /// <summary>The command could not run as given: bad input, missing database or configuration.</summary>
    public const int Usage = 2;

    /// <summary>The command ran but could not finish: the site or the email server refused or was unreachable.</summary>
    public const int Failed = 3;

    /// <summary>Stopped by Ctrl+C, as shells report a process ended by SIGINT.</summary>
    public const int Cancelled = 130;
}
