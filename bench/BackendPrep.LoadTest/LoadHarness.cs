using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BackendPrep.Bot.Cli;
using BackendPrep.Bot.Transports.Console;
using BackendPrep.FakeDiscord;
using BackendPrep.Testing;

namespace BackendPrep.LoadTest;

public sealed record Phase(string Name, int PerSecond, TimeSpan Duration);

/// <summary>
/// The bot in this process, connected to the fake Discord on loopback. Each interaction is stamped when its gateway
/// frame is sent and when its callback request arrives back at the fake: that difference is the turnaround.
/// </summary>
public sealed class LoadHarness : IAsyncDisposable
{
    private readonly FakeDiscordServer _discord;
    private readonly CancellationTokenSource _stop = new();
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"bp-load-{Guid.NewGuid():N}.db");
    private readonly ConcurrentDictionary<string, long> _sentAt = new();
    private Task<int> _bot = Task.FromResult(0);
    private ulong _nextUser = 300_000_000_000_000_000;

    private LoadHarness(FakeDiscordServer discord) => _discord = discord;

    public TimeSpan StartToReady { get; private set; }

    public static async Task<LoadHarness> StartAsync()
    {
        // Schema validation is for correctness tests; here it would measure JsonSchema.Net, not the bot.
        var discord = new FakeDiscordServer { ValidateBodies = false };
        await discord.StartAsync();
        var harness = new LoadHarness(discord);
        var started = Stopwatch.GetTimestamp();
        string[] args =
        [
            $"--Discord:Token={discord.Token}", $"--Discord:ApiBaseUrl={discord.BaseUrl}",
            $"--Content:Path={RepoPaths.Content}", $"--Storage:Path={harness._db}", "--Logging:LogLevel:Default=Warning",
            // The lean-bot targets are for the lexical grader; the semantic model's load would run during the phases.
            "--Grading:Semantic=false",
        ];
        harness._bot = BotProgram.RunAsync(args, new ConsoleIO(TextReader.Null, TextWriter.Null, Interactive: false), harness._stop.Token);
        await discord.Gateway.WaitForOpAsync(2, timeout: TimeSpan.FromSeconds(30));
        await discord.WaitForRequestAsync(r => r.Route == FakeRoutes.PutGlobalCommands, TimeSpan.FromSeconds(30));
        harness.StartToReady = Stopwatch.GetElapsedTime(started);
        return harness;
    }

    public async Task<PhaseResult> RunAsync(Phase phase)
    {
        var total = (int)(phase.PerSecond * phase.Duration.TotalSeconds);
        var before = _discord.RequestsTo(FakeRoutes.Callback).Count;
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var pauseBefore = GC.GetTotalPauseDuration();
        var started = Stopwatch.GetTimestamp();
        var ids = new List<string>(total);
        for (var i = 0; i < total; i++)
        {
            // Paced against the phase start, so a slow send does not lower the offered rate.
            var due = started + (long)(i * Stopwatch.Frequency / (double)phase.PerSecond);
            while (Stopwatch.GetTimestamp() < due)
            {
                await Task.Yield();
            }

            ids.Add(await SendAsync(i));
        }

        await WaitForCallbacksAsync(before + total, TimeSpan.FromSeconds(30));
        var answered = _discord.RequestsTo(FakeRoutes.Callback).Skip(before).ToList();
        var callbacks = answered.ToDictionary(r => r.Path.Split('/')[2], r => r.ArrivedAt);
        var shed = answered.Count(r => r.JsonText?.Contains("try again in a few seconds", StringComparison.Ordinal) == true);
        var turnarounds = new List<double>(total);
        foreach (var id in ids)
        {
            if (callbacks.TryGetValue(id, out var arrived))
            {
                turnarounds.Add((arrived - _sentAt[id]) * 1000.0 / Stopwatch.Frequency);
            }
        }

        process.Refresh();
        return PhaseResult.From(phase, turnarounds, total - turnarounds.Count, shed,
            process.TotalProcessorTime - cpuBefore, Stopwatch.GetElapsedTime(started), GC.GetTotalPauseDuration() - pauseBefore);
    }

    /// <summary>Alternates a read (/topic) and a write (Mark learned, a LiteDB insert) from a fresh user each time.</summary>
    private async Task<string> SendAsync(int n)
    {
        var user = FakeUser.Member(Interlocked.Increment(ref _nextUser), "load");
        var json = n % 2 == 0
            ? FakeInteractions.SlashCommand(user, "topic", """[{"type":3,"name":"name","value":"caching"}]""")
            : FakeInteractions.Component(user, $"topic.learn:v1:{user.Id.ToString(CultureInfo.InvariantCulture)}:caching:CoreDetails");
        var id = JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()!;
        _sentAt[id] = Stopwatch.GetTimestamp();
        await _discord.Gateway.DispatchAsync("INTERACTION_CREATE", json);
        return id;
    }

    private async Task WaitForCallbacksAsync(int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (_discord.RequestsTo(FakeRoutes.Callback).Count < count && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(20);
        }
    }

    public MemoryFigures Memory()
    {
        var process = Process.GetCurrentProcess();
        return new MemoryFigures(process.WorkingSet64 / 1_048_576.0, process.PeakWorkingSet64 / 1_048_576.0, GC.GetTotalMemory(false) / 1_048_576.0);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _bot.WaitAsync(TimeSpan.FromSeconds(20)).ContinueWith(_ => { }, TaskScheduler.Default);
        await _discord.DisposeAsync();
        File.Delete(_db);
    }
}
