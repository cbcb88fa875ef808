namespace Scr.Cli.Tests;

public class UsersTests
{
    [Fact]
    public async Task Invite_GoodInvitation_PrintsLinkAndWritesEmail()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();

        var result = await sandbox.SucceedAsync("users", "invite", "--email", "jo.bloggs@example.org", "--name", "Jo Bloggs",
            "--role", "agency-lead", "--organisation", "moorland-police");

        result.Out.ShouldContain("Invited Jo Bloggs <jo.bloggs@example.org> as agency-lead in Moorland Police (moorland-police).");
        result.Out.ShouldMatch(@"http://scr\.test/account/invitation\?user=[0-9a-f-]{36}&token=\S+");
        var mail = sandbox.MailFiles.ShouldHaveSingleItem();
        result.Out.ShouldContain($"Email to jo.bloggs@example.org: written to {mail}");
        var link = result.OutLines.Single(l => l.StartsWith("http://scr.test/account/invitation", StringComparison.Ordinal));
        (await File.ReadAllTextAsync(mail, TestContext.Current.CancellationToken)).ShouldContain("/account/invitation?user=");
        link.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Invite_EmailServerUnreachable_PrintsLinkAndExitsThree()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var closedPort = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        sandbox.Configuration["Smtp:Host"] = "127.0.0.1";
        sandbox.Configuration["Smtp:Port"] = closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        sandbox.Configuration["Smtp:PickupDirectory"] = "";

        var result = await sandbox.RunAsync("users", "invite", "--email", "jo@example.org", "--name", "Jo Bloggs", "--role", "board-chair",
            "--organisation", "northbridge");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Out.ShouldMatch(@"http://scr\.test/account/invitation\?user=[0-9a-f-]{36}&token=\S+");
        result.Error.ShouldContain("The email to jo@example.org could not be sent");
        result.Error.ShouldContain("The invitation was saved");
        result.Error.ShouldNotContain("   at ");
        (await sandbox.CountAsync("SELECT COUNT(*) FROM AspNetUsers WHERE Email = 'jo@example.org'")).ShouldBe(1);
    }

    [Fact]
    public async Task Invite_SystemAdministrator_NeedsNoOrganisation()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SucceedAsync("db", "migrate");

        var result = await sandbox.SucceedAsync("users", "invite", "--email", "ops@example.org", "--name", "Ops Person", "--role", "system-administrator");

        result.Out.ShouldContain("as system-administrator.");
        sandbox.MailFiles.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Invite_BadRole_ExitsTwoAndCreatesNothing()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();

        var result = await sandbox.RunAsync("users", "invite", "--email", "jo@example.org", "--name", "Jo", "--role", "boss",
            "--organisation", "northbridge");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("There is no role 'boss'. Use one of: business-unit-officer, board-chair, sub-group-member");
        result.Error.ShouldNotContain("   at ");
        await ShouldHaveNoAccountAsync(sandbox, "jo@example.org");
    }

    [Fact]
    public async Task Invite_UnknownOrganisation_ExitsTwoAndCreatesNothing()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();

        var result = await sandbox.RunAsync("users", "invite", "--email", "jo@example.org", "--name", "Jo", "--role", "board-chair",
            "--organisation", "southbridge");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("There is no organisation with the key 'southbridge'. Keys of boards: ashcombe, eastmere, northbridge.");
        await ShouldHaveNoAccountAsync(sandbox, "jo@example.org");
    }

    [Theory]
    [InlineData("board-chair", null, "The role board-chair is held in a board: add --organisation with its key.")]
    [InlineData("agency-lead", "northbridge", "The role agency-lead is held in an agency, but northbridge is a board.")]
    [InlineData("system-administrator", "northbridge", "A system-administrator is not a member of an organisation: leave out --organisation.")]
    public async Task Invite_RoleInWrongKindOfOrganisation_ExitsTwo(string role, string? organisation, string message)
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();
        string[] args = ["users", "invite", "--email", "jo@example.org", "--name", "Jo", "--role", role];

        var result = await sandbox.RunAsync(organisation is null ? args : [.. args, "--organisation", organisation]);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(message);
        await ShouldHaveNoAccountAsync(sandbox, "jo@example.org");
    }

    [Theory]
    [InlineData("jo")]
    [InlineData("jo@")]
    [InlineData("@example.org")]
    [InlineData("Jo <jo@example.org>")]
    [InlineData("jo@@example.org")]
    public async Task Invite_MalformedEmail_ExitsTwo(string email)
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();

        var result = await sandbox.RunAsync("users", "invite", "--email", email, "--name", "Jo", "--role", "board-chair", "--organisation", "northbridge");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("is not an email address");
        sandbox.MailFiles.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invite_NoDatabase_ExitsTwo()
    {
        using var sandbox = new CliSandbox();

        var result = await sandbox.RunAsync("users", "invite", "--email", "jo@example.org", "--name", "Jo", "--role", "system-administrator");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("There is no database");
    }

    [Fact]
    public async Task Invite_ExistingAccount_GainsRole()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();

        var result = await sandbox.SucceedAsync("users", "invite", "--email", "chair@northbridge.example", "--name", "Martin Oakes",
            "--role", "sub-group-member", "--organisation", "eastmere");

        result.Out.ShouldContain("chair@northbridge.example already has an account; they now hold the role sub-group-member in Eastmere");
        result.Out.ShouldNotContain("/account/invitation");
        (await sandbox.CountAsync("SELECT COUNT(*) FROM memberships m JOIN AspNetUsers u ON u.Id = m.UserId WHERE u.Email = 'chair@northbridge.example'"))
            .ShouldBe(2);
    }

    [Fact]
    public async Task List_AfterSeedAndInvite_ShowsRolesOrganisationsAndStatus()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();
        await sandbox.SucceedAsync("users", "invite", "--email", "jo@example.org", "--name", "Jo Bloggs", "--role", "lead-reviewer",
            "--organisation", "eastmere");
        await sandbox.ExecuteAsync("UPDATE AspNetUsers SET DisabledAt = CreatedAt WHERE Email = 'panel@panel.example'");

        var result = await sandbox.SucceedAsync("users", "list");

        var jo = result.OutLines.Single(l => l.Contains("jo@example.org"));
        jo.ShouldContain("lead-reviewer @ eastmere");
        jo.ShouldContain("no (invited)");
        result.OutLines.Single(l => l.Contains("panel@panel.example")).ShouldMatch(@"│ yes\s+│$");
        result.OutLines.Single(l => l.Contains("admin@scr.example")).ShouldContain("system-administrator");
        result.OutLines.Single(l => l.Contains("officer@northbridge.example")).ShouldContain("business-unit-officer @ northbridge");
        result.Out.ShouldContain("21 accounts.");
    }

    private static async Task ShouldHaveNoAccountAsync(CliSandbox sandbox, string email)
    {
        (await sandbox.CountAsync($"SELECT COUNT(*) FROM AspNetUsers WHERE Email = '{email}'")).ShouldBe(0);
        sandbox.MailFiles.ShouldBeEmpty();
    }
}
