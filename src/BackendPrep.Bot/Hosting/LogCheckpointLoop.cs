using BackendPrep.Storage;
using Microsoft.Extensions.Logging;

namespace BackendPrep.Bot.Hosting;

/// <summary>
/// Checkpoints LiteDB's log between store operations (<see cref="LiteDbStore.CheckpointIfDue"/>), so no interaction's
/// write pays for one. Ten looks a second: at 100 writes a second the log grows about 50 pages between looks.
/// </summary>
internal sealed class LogCheckpointLoop(LiteDbStore store, TimeProvider time, ILogger<LogCheckpointLoop> log) : ScheduledLoop(time, log)
{
    protected override TimeSpan MaxSleep => TimeSpan.FromMilliseconds(100);

    protected internal override Task<DateTimeOffset?> RunDueAsync(CancellationToken ct)
    {
        store.CheckpointIfDue();
        return Task.FromResult<DateTimeOffset?>(null);
    }
}
