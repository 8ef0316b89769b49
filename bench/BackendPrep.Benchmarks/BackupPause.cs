using System.Diagnostics;
using BackendPrep.Core.Drills;
using BackendPrep.Core.Storage;
using BackendPrep.Storage;
using BackendPrep.Storage.Backup;
using Microsoft.Extensions.DependencyInjection;

namespace BackendPrep.Benchmarks;

/// <summary>
/// What an online backup costs the bot on the seeded 100,000-user file (<c>BackendPrep.Benchmarks backup-pause [writes/s]</c>):
/// four writers record reviews (flat out, or at a total rate) and one reader loads the heavy user's cards through the
/// bot's own stores; after a warm-up, first alone, then while backups are taken back to back. Prints each backup's
/// hold (the pause), duration and size, and the writers' and reader's latency in both phases. A measurement, not a
/// benchmark: it is about tails under contention.
/// </summary>
public static class BackupPause
{
    private const int Writers = 4;
    private const int Backups = 5;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Baseline = TimeSpan.FromSeconds(10);

    /// <param name="writesPerSecond">Total write rate of the four writers; null writes flat out.</param>
    public static async Task RunAsync(double? writesPerSecond)
    {
        using var db = new SeededStudyDatabase(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        var services = db.Services;
        var reviews = services.GetRequiredService<IReviewStore>();
        var store = services.GetRequiredService<LiteDbStore>();
        var folder = Path.Combine(Path.GetTempPath(), $"bp-bench-backups-{Guid.NewGuid():N}");
        using var backups = new Backups(store, new BackupDirectory(folder, "bench", keep: 2), TimeProvider.System);
        Console.WriteLine($"database {new FileInfo(store.FilePath).Length / 1_048_576.0:0} MB, {Environment.ProcessorCount} cores, writes {(writesPerSecond is { } r ? $"{r}/s" : "flat out")}");
        var gap = writesPerSecond is { } rate ? TimeSpan.FromSeconds(Writers / rate) : TimeSpan.Zero;

        var phase = new Phase();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteAsync(reviews, SeededStudyDatabase.LightUser(1000 + w), db.Now, gap, phase, stop.Token)))
            .Append(Task.Run(() => ReadAsync(reviews, phase, stop.Token))).ToList();

        await Task.Delay(WarmUp);
        phase.Swap();
        await Task.Delay(Baseline);
        var quiet = phase.Swap();
        var taken = new List<BackupCopy>();
        for (var i = 0; i < Backups; i++)
        {
            taken.Add((await backups.TakeAsync(CancellationToken.None)).Copy);
        }

        var during = phase.Swap();
        await stop.CancelAsync();
        await Task.WhenAll(load);
        Directory.Delete(folder, recursive: true);

        foreach (var copy in taken)
        {
            Console.WriteLine($"backup: held {copy.WritersHeld.TotalMilliseconds,7:0.0} ms  took {copy.Duration.TotalMilliseconds,7:0} ms  {copy.Bytes / 1_048_576.0:0} MB  {copy.Documents:N0} documents");
        }

        Console.WriteLine($"writes without backup: {quiet.Writes}");
        Console.WriteLine($"writes during backups: {during.Writes}");
        Console.WriteLine($"reads without backup:  {quiet.Reads}");
        Console.WriteLine($"reads during backups:  {during.Reads}");
    }

    private static async Task WriteAsync(IReviewStore reviews, string user, DateTimeOffset start, TimeSpan gap, Phase phase, CancellationToken stop)
    {
        var scheduler = new FsrsScheduler();
        var card = (await reviews.CardsAsync(user, CancellationToken.None))[0];
        var at = start;
        while (!stop.IsCancellationRequested)
        {
            at = at.AddHours(1);
            var (next, log) = scheduler.Review(card, Rating.Good, at);
            var started = Stopwatch.GetTimestamp();
            var stored = await reviews.TryRecordAsync(user, next, card.Reps, log, CancellationToken.None);
            phase.Current.Write(Stopwatch.GetElapsedTime(started), stored);
            card = next;
            if (gap > TimeSpan.Zero)
            {
                await Task.Delay(gap, CancellationToken.None);
            }
        }
    }

    private static async Task ReadAsync(IReviewStore reviews, Phase phase, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            var ok = (await reviews.CardsAsync(SeededStudyDatabase.HeavyUser, CancellationToken.None)).Count > 0;
            phase.Current.Read(Stopwatch.GetElapsedTime(started), ok);
        }
    }

    private sealed class Phase
    {
        public Latencies Current { get; private set; } = new();

        public Latencies Swap()
        {
            var ended = Current;
            Current = new Latencies();
            return ended;
        }
    }

    private sealed class Latencies
    {
        private readonly List<double> _writes = [];
        private readonly List<double> _reads = [];
        private readonly Lock _lock = new();
        private int _failed;

        public string Writes => Summary(_writes);

        public string Reads => Summary(_reads);

        public void Write(TimeSpan took, bool ok) => Add(_writes, took, ok);

        public void Read(TimeSpan took, bool ok) => Add(_reads, took, ok);

        private void Add(List<double> into, TimeSpan took, bool ok)
        {
            lock (_lock)
            {
                into.Add(took.TotalMilliseconds);
                _failed += ok ? 0 : 1;
            }
        }

        private string Summary(List<double> values)
        {
            lock (_lock)
            {
                var sorted = values.Order().ToList();
                return sorted.Count == 0
                    ? "none"
                    : $"{sorted.Count,6} ops  p50 {sorted[sorted.Count / 2],7:0.00} ms  p99 {sorted[(int)(sorted.Count * 0.99)],7:0.00} ms  max {sorted[^1],7:0.00} ms  failed {_failed}";
            }
        }
    }
}
