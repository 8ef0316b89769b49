using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackendPrep.Bot.Hosting;

/// <summary>
/// A background loop that does whatever is due, then sleeps until the next due time — never longer than
/// <see cref="MaxSleep"/>, a backstop against a missed wake-up or a clock jump — or until its signal wakes it.
/// A failed pass is logged and retried after <see cref="MaxSleep"/>; it never ends the loop.
/// </summary>
internal abstract class ScheduledLoop(TimeProvider time, ILogger log, WakeSignal? signal = null) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected ILogger Log { get; } = log;

    protected abstract TimeSpan MaxSleep { get; }

    private long _lastPassAt = time.GetTimestamp();

    /// <summary>Time since the last pass that completed (or since construction, before the first): the loop's pulse.</summary>
    public TimeSpan SinceLastPass => Time.GetElapsedTime(Interlocked.Read(ref _lastPassAt));

    /// <summary>Past this without a completed pass the loop is stuck or failing: two full sleeps.</summary>
    public TimeSpan HealthyWithin => MaxSleep * 2;

    /// <summary>Does what is due now; returns when the next work falls due, or null to look again after <see cref="MaxSleep"/>.</summary>
    protected internal abstract Task<DateTimeOffset?> RunDueAsync(CancellationToken ct);

    /// <summary>One pass: whatever is due, then the pulse <see cref="SinceLastPass"/> reads. A pass that throws leaves no pulse.</summary>
    protected internal async Task<DateTimeOffset?> PassAsync(CancellationToken ct)
    {
        var next = await RunDueAsync(ct);
        Interlocked.Exchange(ref _lastPassAt, Time.GetTimestamp());
        return next;
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var next = await PassAsync(stoppingToken);
                var sleep = next is null ? MaxSleep : TimeSpan.FromTicks(Math.Clamp((next.Value - Time.GetUtcNow()).Ticks, 0, MaxSleep.Ticks));
                await (signal is null ? Task.Delay(sleep, Time, stoppingToken) : signal.WaitAsync(sleep, Time, stoppingToken));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.LogError(ex, "{Loop} failed; looking again in {Sleep}", GetType().Name, MaxSleep);
                await Task.Delay(MaxSleep, Time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
