using Microsoft.Extensions.DependencyInjection;

namespace Scr.Cli.Tests;

public class RemindersTests
{
    [Fact]
    public async Task RemindersRun_DemoCaseTenDaysOn_SendsEachMissedDeadlineOnce()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();
        var clock = new ManualClock(DateTimeOffset.UtcNow.AddDays(10));
        sandbox.ConfigureServices = services => services.AddSingleton<TimeProvider>(clock);

        // The demo's new case (a child's death) ten days on, whatever bank holidays fall between: the chair's 48 hours,
        // and each of its three agencies' records and file review, are missed; the chair's decision (one month) is not
        // yet near.
        var first = await sandbox.SucceedAsync("reminders", "run");
        var second = await sandbox.SucceedAsync("reminders", "run");

        first.Out.ShouldContain("Sent 7 reminders: 0 due soon, 7 missed.");
        second.Out.Trim().ShouldBe("No reminders to send.");
        (await sandbox.CountAsync("SELECT COUNT(*) FROM reminders_sent")).ShouldBe(7);
        (await sandbox.CountAsync("SELECT COUNT(*) FROM inbox_items WHERE Title LIKE 'Deadline missed:%'")).ShouldBeGreaterThan(0);
        sandbox.MailFiles.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task RemindersRun_NothingDue_SaysSo()
    {
        using var sandbox = new CliSandbox();
        await sandbox.SeedAsync();
        // A day before the demo was made: none of its deadlines is near yet.
        var clock = new ManualClock(DateTimeOffset.UtcNow.AddDays(-1));
        sandbox.ConfigureServices = services => services.AddSingleton<TimeProvider>(clock);

        var result = await sandbox.SucceedAsync("reminders", "run");

        result.Out.Trim().ShouldBe("No reminders to send.");
    }
}
