using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace BackendPrep.Bot.Tests.Discord.Chaos;

/// <summary>
/// Moves a fake clock shared by the bot and the fake Discord, but only while the system is quiet: when nothing it can
/// observe (requests, gateway payloads, callbacks) has changed over two short real-time probes, the bot must be
/// waiting on the clock (a backoff, a Retry-After, a heartbeat, a slow answer), so time moves by one step. Backoffs of
/// seconds then cost milliseconds, and no assertion ever depends on how fast the machine is: the real-time limit is
/// only a failsafe against a hang.
/// </summary>
internal sealed class ClockPump(FakeTimeProvider time, Func<long> progress)
{
    private static readonly TimeSpan Probe = TimeSpan.FromMilliseconds(3);

    public TimeSpan Step { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Optional: while true the clock never moves (e.g. while the bot still holds unanswered work).</summary>
    public Func<bool>? Busy { get; init; }

    /// <summary>Fake time advanced so far.</summary>
    public TimeSpan Advanced { get; private set; }

    public async Task UntilAsync(Func<bool> done, string what, TimeSpan? failsafe = null)
    {
        var started = Stopwatch.GetTimestamp();
        var limit = failsafe ?? TimeSpan.FromSeconds(60);
        var last = progress();
        var quiet = 0;
        while (!done())
        {
            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"not reached after {Advanced} of fake time: {what}");
            }

            await Task.Delay(Probe);
            var now = progress();
            if (now != last)
            {
                (last, quiet) = (now, 0);
                continue;
            }

            if (++quiet >= 2 && Busy?.Invoke() != true)
            {
                time.Advance(Step);
                Advanced += Step;
                quiet = 0;
            }
        }
    }
}
