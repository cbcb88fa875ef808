namespace Scr.Cli;

/// <summary>An expected failure: its message is shown as it is (no stack trace) and the process exits with the code.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.Usage) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
