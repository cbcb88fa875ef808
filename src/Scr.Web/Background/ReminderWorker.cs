using Scr.Core.Services.Deadlines;

namespace Scr.Web.Background;

/// <summary>
/// Sends deadline reminders every <c>Reminders:IntervalMinutes</c> (5 unless set; 0 turns them off here, for example when
/// <c>scr reminders run</c> runs on a schedule instead). Off in the Testing environment, where tests run reminders
/// themselves. Every instance may run it: each reminder is sent once (see <see cref="ReminderService"/>). A failed run is
/// logged and the next one tried at the next interval.
/// </summary>
public sealed class ReminderWorker(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment,
    ILogger<ReminderWorker> log) : BackgroundService
{
    public const string IntervalSetting = "Reminders:IntervalMinutes";
    public const int DefaultIntervalMinutes = 5;

    public TimeSpan? Interval => environment.IsEnvironment("Testing") || configuration.GetValue(IntervalSetting, DefaultIntervalMinutes) is not (> 0 and var minutes)
        ? null
        : TimeSpan.FromMinutes(minutes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval is not { } interval)
        {
            log.LogInformation("Deadline reminders are off in this instance.");
            return;
        }
        using var timer = new PeriodicTimer(interval);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One run; any failure is logged, never thrown.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var run = await scope.ServiceProvider.GetRequiredService<ReminderService>().RunOnceAsync(cancellationToken);
            if (run.Sent > 0)
            {
                log.LogInformation("Sent {DueSoon} due-soon and {Missed} missed-deadline reminders.", run.DueSoon, run.Missed);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception e)
        {
            log.LogError(e, "Sending deadline reminders failed; trying again at the next interval.");
        }
    }
}
