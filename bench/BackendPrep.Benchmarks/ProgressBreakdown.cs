using System.Diagnostics;
using BackendPrep.Core.Drills;
using BackendPrep.Core.Progress;
using BackendPrep.Core.Storage;
using BackendPrep.Core.Study;
using Microsoft.Extensions.DependencyInjection;

namespace BackendPrep.Benchmarks;

/// <summary>
/// Which store read dominates <c>/progress</c> for the heavy user: each read timed alone, median of 30 runs after 40 as
/// warm-up (so the JIT has optimised the code). A profiling aid beside the benchmark (<c>BackendPrep.Benchmarks progress-breakdown</c>), not a benchmark.
/// </summary>
public static class ProgressBreakdown
{
    public static async Task RunAsync()
    {
        using var db = new SeededStudyDatabase(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        var services = db.Services;
        var user = SeededStudyDatabase.HeavyUser;
        var reviews = services.GetRequiredService<IReviewStore>();
        var database = services.GetRequiredService<BackendPrep.Storage.LiteDbStore>().Database;
        var raw = database.GetCollection("review_logs");
        foreach (var query in (string[])[$"SELECT $ FROM review_logs WHERE UserId = '{user}' ORDER BY AtUtc", $"SELECT $ FROM review_days WHERE _id LIKE '{user}/%'"])
        {
            using var plan = database.Execute("EXPLAIN " + query);
            while (plan.Read())
            {
                Console.WriteLine("plan: " + plan.Current.ToString());
            }
        }

        var content = services.GetRequiredService<StudyContent>();
        var input = await InputAsync(services, user);
        (string Name, Func<Task<int>> Read)[] reads =
        [
            ("review moments (MomentsAsync)", async () => (await reviews.MomentsAsync(user, default)).Count),
            ("review logs (LogsAsync)", async () => (await reviews.LogsAsync(user, default)).Count),
            ("review cards (CardsAsync)", async () => (await reviews.CardsAsync(user, default)).Count),
            ("attempts (ForUserAsync)", async () => (await services.GetRequiredService<IAttemptStore>().ForUserAsync(user, default)).Count),
            ("sessions (HistoryAsync)", async () => (await services.GetRequiredService<IStudySessionStore>().HistoryAsync(user, default)).Count),
            ("topics learned (LearnedAsync)", async () => (await services.GetRequiredService<ITopicProgressStore>().LearnedAsync(user, default)).Count),
            ("logs as raw BSON (no mapper)", () => Task.FromResult(raw.Find(LiteDB.Query.EQ("UserId", user)).Count())),
            ("report (ProgressReport.Build)", () => Task.FromResult(ProgressReport.Build(content, input, db.Now).TopicCount)),
            ("drill figures (Drills)", () => Task.FromResult(ProgressReport.Drills(input, db.Now, new StreakRules()).ReviewsLast30Days)),
            ("chart series (Daily)", () => Task.FromResult(ProgressSeries.Daily(input.Reviews, input.Attempts, input.Zone, db.Now).Count)),
            ("drill settings (GetAsync)", async () => (await services.GetRequiredService<IDrillSettingsStore>().GetAsync(user, default)).UserId.Length),
            ("whole report (reads + Build)", async () => ProgressReport.Build(content, await InputAsync(services, user), db.Now).Drills.ReviewsLast30Days),
        ];
        foreach (var (name, read) in reads)
        {
            var rows = 0;
            for (var i = 0; i < 40; i++)
            {
                rows = await read();
            }

            // CPU time beside the wall clock: on two shared cores the wall clock mostly measures the queue for a core.
            // "thread" is this thread's own CPU time (the reads complete synchronously, so it is the work of the read);
            // "process" adds what GC and JIT threads spent meanwhile.
            var times = new List<double>();
            var threadCpu = new List<double>();
            var processBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < 30; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var cpuStarted = ThreadCpuMilliseconds();
                await read();
                threadCpu.Add(ThreadCpuMilliseconds() - cpuStarted);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            var process = (Process.GetCurrentProcess().TotalProcessorTime - processBefore).TotalMilliseconds / times.Count;
            times.Sort();
            threadCpu.Sort();
            Console.WriteLine($"{name,-32} {rows,6} rows  median {times[times.Count / 2],8:0.000} ms  min {times[0],8:0.000} ms  " +
                $"thread cpu median {threadCpu[threadCpu.Count / 2],8:0.000} ms  process cpu {process,8:0.000} ms");
        }
    }

    /// <summary>Every store read /progress makes, as the command makes them.</summary>
    private static async Task<ProgressInput> InputAsync(IServiceProvider services, string user) => new(
        await services.GetRequiredService<ITopicProgressStore>().LearnedAsync(user, default),
        await services.GetRequiredService<IAttemptStore>().ForUserAsync(user, default),
        await services.GetRequiredService<IReviewStore>().MomentsAsync(user, default),
        await services.GetRequiredService<IReviewStore>().CardsAsync(user, default),
        await services.GetRequiredService<IStudySessionStore>().HistoryAsync(user, default),
        (await services.GetRequiredService<IDrillSettingsStore>().GetAsync(user, default)).Zone());

    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    private static double ThreadCpuMilliseconds() =>
        OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuClock, out var t) == 0 ? (t.Seconds * 1e3) + (t.Nanoseconds / 1e6) : double.NaN;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
