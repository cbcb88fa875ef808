using Microsoft.Extensions.DependencyInjection;
using Scr.Core.Services.Accounts;

namespace Scr.Cli.Tests;

public class DemoCodeTests
{
    [Fact]
    public async Task Code_NonDemoAccount_Refused()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();
        await sandbox.SucceedAsync("users", "invite", "--email", "real.person@council.gov.uk", "--name", "Real Person",
            "--role", "board-chair", "--organisation", "northbridge");

        var result = await sandbox.RunAsync("demo", "code", "real.person@council.gov.uk");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("real.person@council.gov.uk is not a demo account");
        result.Out.ShouldBeEmpty();
    }

    [Fact]
    public async Task Code_DemoAccount_PrintsTheAuthenticatorCode()
    {
        using var sandbox = new CliSandbox();
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 12, 0, 5, TimeSpan.Zero));
        sandbox.ConfigureServices = services => services.AddSingleton<TimeProvider>(clock);
        await sandbox.SeedAsync();
        var key = (await sandbox.SucceedAsync("demo", "seed")).OutLines.Single(l => l.Contains("officer@northbridge.example"))
            .Split('│', StringSplitOptions.TrimEntries)[^2];

        var result = await sandbox.SucceedAsync("demo", "code", "officer@northbridge.example");

        result.OutLines.ShouldBe([SingleUseAuthenticatorTokenProvider.CurrentCode(key, clock.GetUtcNow())]);
        result.Error.ShouldContain("Valid for another 25 s.");
    }

    [Fact]
    public async Task Code_CodeAlreadyUsed_SaysToWait()
    {
        using var sandbox = new CliSandbox();
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 12, 0, 5, TimeSpan.Zero));
        sandbox.ConfigureServices = services => services.AddSingleton<TimeProvider>(clock);
        await sandbox.SeedAsync();
        await sandbox.ExecuteAsync($"UPDATE AspNetUsers SET LastTotpTimeStep = {clock.GetUtcNow().ToUnixTimeSeconds() / 30} WHERE Email = 'chair@northbridge.example'");

        var result = await sandbox.SucceedAsync("demo", "code", "chair@northbridge.example");

        result.OutLines.Single().ShouldMatch("^[0-9]{6}$");
        result.Error.ShouldContain("wait for the next code (25 s)");
    }

    [Fact]
    public async Task Code_DemoAddressWithoutAccount_SaysToSeed()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SucceedAsync("db", "migrate");

        var result = await sandbox.RunAsync("demo", "code", "nobody@northbridge.example");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("There is no account nobody@northbridge.example. Run 'scr demo seed'");
    }
}
