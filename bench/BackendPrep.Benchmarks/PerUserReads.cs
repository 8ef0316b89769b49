using System.Diagnostics;
using BackendPrep.Storage;
using LiteDB;

namespace BackendPrep.Benchmarks;

/// <summary>
/// What the first read of each new user costs the store, and what it leaves behind: LiteDB compiles and keeps one
/// expression per distinct query text, so a query that writes the user id into its text pays a compile for every user
/// and keeps it forever. Runs the store's own per-user reads for <c>users</c> fresh users, then the same log read
/// written the old way (<c>Query.EQ</c> with the id in the text), and prints time per user and bytes retained per user.
/// A profiling aid (<c>BackendPrep.Benchmarks per-user-reads [users]</c>), not a benchmark.
/// </summary>
public static class PerUserReads
{
    public static async Task RunAsync(int users)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bp-per-user-{Guid.NewGuid():N}.db");
        try
        {
            using var store = new LiteDbStore(path);
            var topics = new TopicProgressStore(store);
            var reviews = new ReviewStore(store);
            var logs = store.Database.GetCollection("review_logs");

            await Measure("store reads (learned topics, review logs, review days)", async user =>
            {
                await topics.LearnedAsync(user, default);
                await reviews.LogsAsync(user, default);
                await reviews.MomentsAsync(user, default);
            });
            await Measure("review logs by Query.EQ, the id in the query text (before)", user =>
            {
                _ = logs.Find(Query.EQ("UserId", user)).ToList();
                return Task.CompletedTask;
            });
        }
        finally
        {
            File.Delete(path);
            File.Delete(Path.ChangeExtension(path, null) + "-log.db");
        }

        async Task Measure(string name, Func<string, Task> read)
        {
            await read("warm-up");
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < users; i++)
            {
                await read($"{400_000_000_000_000_000L + i}");
            }

            var perUser = Stopwatch.GetElapsedTime(started).TotalMicroseconds / users;
            var retained = (GC.GetTotalMemory(forceFullCollection: true) - before) / (double)users;
            Console.WriteLine($"{name}: {perUser:F0} µs per new user, {retained:F0} bytes retained per user ({users} users)");
        }
    }
}
