using System.Diagnostics;
using System.Globalization;
using BackendPrep.Storage;

namespace BackendPrep.Benchmarks;

/// <summary>
/// The latency distribution of the load harness's write ("Mark learned": one LiteDB insert through the real store) at
/// 200 a second, alone in this process: whether the store by itself carries the turnaround tail that the harness's
/// <c>--mix writes</c> shows. A profiling aid (<c>BackendPrep.Benchmarks write-latency</c>), not a benchmark.
/// </summary>
public static class WriteLatency
{
    private const int PerSecond = 200;
    private const int Writes = 4000;
    private const int WarmUp = 500;

    /// <param name="checkpointPages">LiteDB's in-commit CheckpointSize to try instead of the store's backstop (4 × 250 pages).</param>
    public static async Task RunAsync(int? checkpointPages)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bp-write-latency-{Guid.NewGuid():N}.db");
        var log = Path.ChangeExtension(path, null) + "-log.db";
        try
        {
            using var store = new LiteDbStore(path);
            if (checkpointPages is { } pages)
            {
                store.Database.CheckpointSize = pages;
            }

            var topics = new TopicProgressStore(store);
            var latencies = new List<double>(Writes);
            // LiteDB checkpoints inside the commit that pushes its log past CheckpointSize pages (here no background loop runs);
            // the log file shrinking across an insert marks the insert that paid for one.
            var logLength = 0L;
            var checkpointed = new List<double>();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var (gen0, gen1, gen2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < Writes; i++)
            {
                // Open-loop pacing, as the harness does: each write starts when it is due, not when the last one ended.
                var wait = TimeSpan.FromSeconds(i / (double)PerSecond) - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                var at = Stopwatch.GetTimestamp();
                await topics.MarkLearnedAsync($"user{i}", "caching", DateTimeOffset.UtcNow, CancellationToken.None);
                var ms = Stopwatch.GetElapsedTime(at).TotalMilliseconds;
                latencies.Add(ms);
                var length = File.Exists(log) ? new FileInfo(log).Length : 0;
                if (length < logLength && i >= WarmUp)
                {
                    checkpointed.Add(ms);
                }

                logLength = length;
            }

            var perWriteKb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / Writes;
            var measured = latencies.Skip(WarmUp).Order().ToList();
            double At(double q) => measured[(int)Math.Ceiling(q * measured.Count) - 1];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{measured.Count} inserts at {PerSecond}/s after {WarmUp} warm-up: p50 {At(0.5):F3} ms, p99 {At(0.99):F3} ms, p99.9 {At(0.999):F3} ms, max {measured[^1]:F3} ms"));
            checkpointed.Sort();
            Console.WriteLine(checkpointed.Count == 0 ? "no checkpoint during the measured inserts" : string.Create(CultureInfo.InvariantCulture,
                $"{checkpointed.Count} of them checkpointed: p50 {checkpointed[checkpointed.Count / 2]:F3} ms, max {checkpointed[^1]:F3} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"allocated {perWriteKb:F1} KB per insert; collections gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}; GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms"));
        }
        finally
        {
            File.Delete(path);
            File.Delete(log);
        }
    }
}
