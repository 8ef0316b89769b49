namespace BackendPrep.Discord.Gateway;

/// <summary>
/// Discord allows <c>max_concurrency</c> identifies per 5 s, one per rate-limit key (<c>shard_id % max_concurrency</c>).
/// Shared by all shards of the process so they start bucket by bucket.
/// </summary>
public sealed class IdentifyGate(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    private readonly Dictionary<int, long> _nextAllowed = [];
    private readonly object _lock = new();

    public async Task WaitAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken)
    {
        var key = shardId % Math.Max(1, maxConcurrency);
        TimeSpan wait;
        lock (_lock)
        {
            var now = time.GetTimestamp();
            var next = _nextAllowed.GetValueOrDefault(key, now);
            wait = next > now ? time.GetElapsedTime(now, next) : TimeSpan.Zero;
            // Reserve the slot now so a concurrent caller queues behind us rather than beside us.
            var slot = Math.Max(next, now);
            _nextAllowed[key] = slot + (long)(Window.TotalSeconds * time.TimestampFrequency);
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
