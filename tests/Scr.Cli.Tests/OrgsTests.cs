namespace Scr.Cli.Tests;

public class OrgsTests
{
    [Fact]
    public async Task AddBoardThenAgency_ListedWithTheBoardsServed()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SucceedAsync("db", "migrate");

        (await sandbox.SucceedAsync("orgs", "add-board", "--key", "anytown", "--name", "Anytown Safeguarding Children Board", "--region", "north-west"))
            .Out.ShouldContain("Added board 'Anytown Safeguarding Children Board' with key 'anytown'.");
        await sandbox.SucceedAsync("orgs", "add-board", "--key", "otherton", "--name", "Otherton Safeguarding Children Board", "--region", "eastern");
        await sandbox.SucceedAsync("orgs", "add-agency", "--key", "shared-police", "--name", "Shared Police", "--type", "police",
            "--boards", "anytown,otherton");

        var list = await sandbox.SucceedAsync("orgs", "list");
        list.OutLines.Single(l => l.Contains("shared-police")).ShouldContain("anytown, otherton");
        list.OutLines.Single(l => l.Contains("Anytown")).ShouldContain("North West");
    }

    [Theory]
    [InlineData("--key", "Bad Key", "lower-case letters")]
    [InlineData("--region", "mars", "'mars' is not one of")]
    public async Task AddBoard_BadInput_ExitsTwoAndAddsNothing(string option, string value, string message)
    {
        using var sandbox = new CliSandbox();
        await sandbox.SucceedAsync("db", "migrate");
        var args = new Dictionary<string, string> { ["--key"] = "anytown", ["--name"] = "Anytown", ["--region"] = "london" };
        args[option] = value;

        var result = await sandbox.RunAsync(["orgs", "add-board", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain(message);
        (await sandbox.CountAsync("SELECT COUNT(*) FROM organisations")).ShouldBe(0);
    }

    [Fact]
    public async Task AddAgency_UnknownBoard_ExitsTwoNamingIt()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SucceedAsync("db", "migrate");
        var result = await sandbox.RunAsync("orgs", "add-agency", "--key", "x", "--name", "X", "--type", "police", "--boards", "nowhere");
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("No board has the key 'nowhere'");
    }
}
