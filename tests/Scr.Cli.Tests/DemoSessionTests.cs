using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Services.Accounts;
using Scr.Core.Services.Demo;

namespace Scr.Cli.Tests;

public class DemoSessionTests
{
    private const string Officer = "officer@northbridge.example";

    [Fact]
    public async Task Session_SiteAcceptsCode_PrintsOneCookieLine()
    {
        using var sandbox = await SeededAsync();
        var clock = UseClock(sandbox);
        var expected = (await sandbox.SucceedAsync("demo", "code", Officer)).OutLines.Single();
        using var site = new FakeSite(Officer, DemoData.Password, (_, _) => true);

        var result = await sandbox.RunAsync("demo", "session", Officer, "--url", site.Url.AbsoluteUri);

        result.ExitCode.ShouldBe(0, result.ToString() + string.Join('\n', site.Requests));
        var line = result.OutLines.ShouldHaveSingleItem();
        line.ShouldStartWith("Cookie: ");
        line.ShouldContain(".AspNetCore.Identity.Application=signed-in");
        line.ShouldContain(".AspNetCore.Antiforgery.test=af-cookie");
        line.ShouldNotContain("TwoFactorUserId");
        site.CodesReceived.ShouldBe([expected]);
        clock.GetUtcNow().ShouldBe(Start);
    }

    [Fact]
    public async Task Session_CodeAlreadyUsed_WaitsForTheNextCodeAndRetriesOnce()
    {
        using var sandbox = await SeededAsync();
        var clock = UseClock(sandbox);
        using var site = new FakeSite(Officer, DemoData.Password, (attempt, _) => attempt == 2);

        var result = await sandbox.RunAsync("demo", "session", Officer, "--url", site.Url.AbsoluteUri.TrimEnd('/'));

        result.ExitCode.ShouldBe(0, result.ToString());
        result.OutLines.ShouldHaveSingleItem().ShouldContain(".AspNetCore.Identity.Application=signed-in");
        result.Error.ShouldContain("waiting 26 s for the next one");
        site.CodesReceived.Count.ShouldBe(2);
        site.CodesReceived[1].ShouldNotBe(site.CodesReceived[0]);
        (clock.GetUtcNow().ToUnixTimeSeconds() / 30).ShouldBe(Start.ToUnixTimeSeconds() / 30 + 1);
    }

    [Fact]
    public async Task Session_StepAlreadyUsedInDatabase_WaitsBeforeSendingAnyCode()
    {
        using var sandbox = await SeededAsync();
        var clock = UseClock(sandbox);
        await sandbox.ExecuteAsync($"UPDATE AspNetUsers SET LastTotpTimeStep = {Start.ToUnixTimeSeconds() / 30} WHERE Email = '{Officer}'");
        using var site = new FakeSite(Officer, DemoData.Password, (_, _) => true);

        var result = await sandbox.RunAsync("demo", "session", Officer, "--url", site.Url.AbsoluteUri);

        result.ExitCode.ShouldBe(0, result.ToString());
        site.CodesReceived.ShouldHaveSingleItem().ShouldNotBe(SingleUseAuthenticatorTokenProvider.CurrentCode(await KeyAsync(sandbox), Start));
        clock.GetUtcNow().ShouldBeGreaterThan(Start);
    }

    [Fact]
    public async Task Session_CodeRefusedTwice_ExitsThree()
    {
        using var sandbox = await SeededAsync();
        UseClock(sandbox);
        using var site = new FakeSite(Officer, DemoData.Password, (_, _) => false);

        var result = await sandbox.RunAsync("demo", "session", Officer, "--url", site.Url.AbsoluteUri);

        result.ExitCode.ShouldBe(3);
        result.Error.ShouldContain("refused the sign-in code");
        result.Out.ShouldBeEmpty();
        site.CodesReceived.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Session_PasswordRefused_ExitsThree()
    {
        using var sandbox = await SeededAsync();
        using var site = new FakeSite(Officer, "some-other-password", (_, _) => true);

        var result = await sandbox.RunAsync("demo", "session", Officer, "--url", site.Url.AbsoluteUri);

        result.ExitCode.ShouldBe(3);
        result.Error.ShouldContain("did not accept the email address and password of officer@northbridge.example");
        result.Out.ShouldBeEmpty();
    }

    [Fact]
    public async Task Session_SiteNotRunning_ExitsThree()
    {
        using var sandbox = await SeededAsync();
        Uri url;
        using (var site = new FakeSite(Officer, DemoData.Password, (_, _) => true))
        {
            url = site.Url;
        }

        var result = await sandbox.RunAsync("demo", "session", Officer, "--url", url.AbsoluteUri);

        result.ExitCode.ShouldBe(3);
        result.Error.ShouldContain($"Cannot reach the site at {url.GetLeftPart(UriPartial.Authority)}");
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Session_NonDemoAccount_RefusedBeforeAnything()
    {
        using var sandbox = new CliSandbox();

        var result = await sandbox.RunAsync("demo", "session", "someone@council.gov.uk", "--url", "http://127.0.0.1:9");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("someone@council.gov.uk is not a demo account");
    }

    [Theory]
    [InlineData("127.0.0.1:5080")]
    [InlineData("ftp://example.org")]
    [InlineData("not a url")]
    public async Task Session_BadUrl_ExitsTwo(string url)
    {
        using var sandbox = new CliSandbox();

        var result = await sandbox.RunAsync("demo", "session", Officer, "--url", url);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("is not a web address");
    }

    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 4, TimeSpan.Zero);

    private static async Task<CliSandbox> SeededAsync()
    {
        var sandbox = new CliSandbox();
        await sandbox.SeedAsync();
        return sandbox;
    }

    private static ManualClock UseClock(CliSandbox sandbox)
    {
        var clock = new ManualClock(Start);
        sandbox.ConfigureServices = services => services.AddSingleton<TimeProvider>(clock);
        return clock;
    }

    private static async Task<string> KeyAsync(CliSandbox sandbox) =>
        (await sandbox.SucceedAsync("demo", "seed")).OutLines.Single(l => l.Contains(Officer)).Split('│', StringSplitOptions.TrimEntries)[^2];
}
