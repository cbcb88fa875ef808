namespace Scr.Cli.Tests;

public class HelpTests
{
    public static TheoryData<string> Commands =>
    [
        "",
        "db",
        "db migrate",
        "users",
        "users invite",
        "users list",
        "cases",
        "cases import-notifications",
        "calendar",
        "calendar list",
        "calendar import",
        "demo",
        "demo seed",
        "demo code",
        "demo bulk-cases",
        "demo bulk-reports",
        "demo session",
        "audit",
        "audit verify",
        "audit tail",
        "reminders",
        "reminders run",
        "chronology",
        "chronology merge",
        "chronology template",
        "exchange",
        "exchange import",
        "exchange export",
        "analyse",
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_EachCommand_PrintsUsageAndExitsZero(string command)
    {
        using var sandbox = new CliSandbox();

        var result = await sandbox.RunAsync([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("Usage:");
        result.Out.ShouldContain($"scr {command}".Trim());
        result.Error.ShouldBeEmpty();
        File.Exists(sandbox.DatabasePath).ShouldBeFalse();
    }

    [Fact]
    public void BuildCommands_TopLevel_EachNamedAsItIsTyped()
    {
        var cli = new CliContext(TextWriter.Null, TextWriter.Null);

        var names = CliApp.BuildCommands(cli).Subcommands.Select(c => c.Name).ToList();

        CliApp.TopLevel.Select(c => c.Name).ShouldBe(names);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task BuildCommands_OnlyTheCommandTyped_HelpIsTheSameAsTheWholeTree(string command)
    {
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--help").ToArray();

        var whole = await HelpAsync(CliApp.BuildCommands(new CliContext(TextWriter.Null, TextWriter.Null)), args);
        var lean = await HelpAsync(CliApp.BuildCommands(new CliContext(TextWriter.Null, TextWriter.Null), args[0]), args);

        lean.ShouldBe(whole);
    }

    private static async Task<string> HelpAsync(System.CommandLine.RootCommand root, string[] args)
    {
        using var output = new StringWriter();
        await root.Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = output });
        return output.ToString();
    }

    [Fact]
    public async Task Run_NoCommand_ShowsCommandsAndExitsTwo()
    {
        using var sandbox = new CliSandbox();

        var result = await sandbox.RunAsync();

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("Required command was not provided.");
        result.Error.ShouldContain("users");
    }

    [Fact]
    public async Task Run_UnknownCommand_ExitsTwo()
    {
        using var sandbox = new CliSandbox();

        var result = await sandbox.RunAsync("usres", "list");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("'usres'");
    }

    [Fact]
    public async Task Run_MissingRequiredOption_NamesItWithoutStackTrace()
    {
        using var sandbox = new CliSandbox();

        var result = await sandbox.RunAsync("users", "invite", "--email", "jo@example.org");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("Option '--name' is required.");
        result.Error.ShouldContain("Run 'scr users invite --help'");
        result.Error.ShouldNotContain("   at ");
    }
}
