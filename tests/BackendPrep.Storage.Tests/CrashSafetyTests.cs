using System.Diagnostics;
using Xunit.Abstractions;

namespace BackendPrep.Storage.Tests;

/// <summary>
/// SIGKILLs a child process that writes reviews and attempts through the real stores, at seeded random points, many
/// times over one file; every write the child had acknowledged must be readable afterwards and the file must open.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    public const int Seed = 20261129;
    private const int Kills = 20;
    private const int MaxAcksBeforeKill = 120;

    /// <summary>A hang guard only: a healthy run takes well under a second per child.</summary>
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Every_acknowledged_review_and_attempt_survives_SIGKILL_at_random_points()
    {
        using var temp = new TempDatabase();
        var random = new Random(Seed);
        var acks = new List<Ack>();
        for (var run = 0; run < Kills; run++)
        {
            // Even runs are killed from outside at whatever point the writer has reached; odd runs SIGKILL
            // themselves right after an ack, the point where a write still buffered in memory would be lost.
            acks.AddRange(await RunAndKillAsync(temp.Path, run, killAfterAcks: random.Next(1, MaxAcksBeforeKill), selfKill: run % 2 == 1));
        }

        using var store = temp.Open();
        var reviews = new ReviewStore(store);
        var attempts = new AttemptStore(store);
        var lost = new List<Ack>();
        foreach (var ack in acks)
        {
            if (!await IsStoredAsync(ack, reviews, attempts))
            {
                lost.Add(ack);
            }
        }

        output.WriteLine($"seed {Seed}: {Kills} kills survived, {acks.Count} acks checked " +
            $"({acks.Count(a => a.Kind == "review")} reviews, {acks.Count(a => a.Kind == "attempt")} attempts), lost {lost.Count}");
        Assert.Empty(lost);
        Assert.True(acks.Count >= Kills, "every run acknowledges at least one write before it is killed");
    }

    private static async Task<bool> IsStoredAsync(Ack ack, ReviewStore reviews, AttemptStore attempts)
    {
        if (ack.Kind == "attempt")
        {
            return await attempts.GetAsync(ack.Id, default) is { } attempt && attempt.Version >= ack.Count;
        }

        // A review is the card's new state and its log entry; both were written before the ack.
        var card = await reviews.CardAsync(ack.User, ack.Id, default);
        var logs = (await reviews.LogsAsync(ack.User, default)).Count(l => l.CardId == ack.Id);
        return card is not null && card.Reps >= ack.Count && logs >= ack.Count;
    }

    /// <summary>Starts a writer, SIGKILLs it once it has acknowledged <paramref name="killAfterAcks"/> writes, and
    /// returns every ack it printed (it keeps writing until the signal lands, so the kill point is not a boundary).</summary>
    private async Task<List<Ack>> RunAndKillAsync(string database, int run, int killAfterAcks, bool selfKill)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WriterPath());
        start.ArgumentList.Add(database);
        start.ArgumentList.Add(run.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (selfKill)
        {
            start.ArgumentList.Add(killAfterAcks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using var writer = Process.Start(start)!;
        var errors = writer.StandardError.ReadToEndAsync();
        var acks = new List<Ack>();
        try
        {
            var first = await writer.StandardOutput.ReadLineAsync().WaitAsync(Stuck);
            if (first != "ready")
            {
                Assert.Fail($"run {run}: the writer did not open the database: {first} {await errors.WaitAsync(Stuck)}");
            }

            while (await writer.StandardOutput.ReadLineAsync().WaitAsync(Stuck) is { } line)
            {
                if (Ack.TryParse(line) is { } ack)
                {
                    acks.Add(ack);
                }

                if (acks.Count == killAfterAcks && !selfKill)
                {
                    writer.Kill(); // SIGKILL on Unix: no finalizers, no LiteDB dispose, no checkpoint.
                }
            }

            await writer.WaitForExitAsync().WaitAsync(Stuck);
        }
        finally
        {
            if (!writer.HasExited)
            {
                writer.Kill();
            }
        }

        if (writer.ExitCode == 0)
        {
            Assert.Fail($"run {run}: the writer stopped by itself before the kill: {await errors}");
        }

        output.WriteLine($"run {run}: {(selfKill ? "killed itself" : "killed")} after {killAfterAcks} acks, {acks.Count} acknowledged");
        return acks;
    }

    private static string WriterPath()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "BackendPrep.CrashWriter.dll");
        Assert.True(File.Exists(path), $"{path} missing: the test project references the writer so it is built beside the tests");
        return path;
    }

    /// <summary>"ack review &lt;user&gt; &lt;card&gt; &lt;reps&gt;" or "ack attempt &lt;id&gt; &lt;version&gt;".</summary>
    private sealed record Ack(string Kind, string User, string Id, int Count)
    {
        public static Ack? TryParse(string line) => line.Split(' ') switch
        {
            // A line cut short by the kill is not an ack the user saw; exact shapes only.
            ["ack", "review", var user, var card, var reps] when int.TryParse(reps, out var n) => new("review", user, card, n),
            ["ack", "attempt", var id, var version] when int.TryParse(version, out var v) => new("attempt", "", id, v),
            _ => null,
        };
    }
}
