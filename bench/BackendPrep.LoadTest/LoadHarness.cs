using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BackendPrep.FakeDiscord;

namespace BackendPrep.LoadTest;

public sealed record Phase(string Name, int PerSecond, TimeSpan Duration);

/// <summary>
/// Where the bot runs: in this process (the default), or alone in a child process started from <see cref="BotDll"/>.
/// <see cref="Pinned"/> (out of process only) gives the bot core 1 and the harness with the fake Discord core 0, so the
/// load generator cannot take the bot's CPU: what a bot on a machine of its own sees, with half the cores.
/// </summary>
public sealed record BotPlacement(bool OutOfProcess, string BotDll, IReadOnlyDictionary<string, string> RuntimeSettings, bool Pinned = false);

/// <summary>
/// The bot, connected to the fake Discord on loopback. Each interaction is stamped when its gateway frame is sent and
/// when its callback request arrives back at the fake: that difference is the turnaround.
/// </summary>
public sealed class LoadHarness : IAsyncDisposable
{
    private readonly FakeDiscordServer _discord;
    private readonly ConcurrentDictionary<string, long> _sentAt = new();
    private BotUnderTest _bot = null!;
    private ulong _nextUser = 300_000_000_000_000_000;

    private LoadHarness(FakeDiscordServer discord) => _discord = discord;

    public TimeSpan StartToReady { get; private set; }

    public BotUnderTest Bot => _bot;

    public static async Task<LoadHarness> StartAsync(BotPlacement placement)
    {
        if (placement.Pinned && OperatingSystem.IsLinux())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        // Schema validation is for correctness tests; here it would measure JsonSchema.Net, not the bot.
        var discord = new FakeDiscordServer { ValidateBodies = false };
        await discord.StartAsync();
        var harness = new LoadHarness(discord);
        var db = Path.Combine(Path.GetTempPath(), $"bp-load-{Guid.NewGuid():N}.db");
        var started = Stopwatch.GetTimestamp();
        harness._bot = placement.OutOfProcess
            ? new ChildProcessBot(placement.BotDll, discord.Token, new Uri(discord.BaseUrl), db, placement.RuntimeSettings, placement.Pinned ? 1 : null)
            : new InProcessBot(discord.Token, new Uri(discord.BaseUrl), db);
        try
        {
            await discord.Gateway.WaitForOpAsync(2, timeout: TimeSpan.FromSeconds(30));
            await discord.WaitForRequestAsync(r => r.Route == FakeRoutes.PutGlobalCommands, TimeSpan.FromSeconds(30));
        }
        catch (Exception ex) when (harness._bot is ChildProcessBot child)
        {
            throw new InvalidOperationException($"the bot did not become ready: {ex.Message}{Environment.NewLine}{child.LastOutput}", ex);
        }

        harness.StartToReady = Stopwatch.GetElapsedTime(started);
        return harness;
    }

    /// <summary>
    /// Starts reading the child's GC events. Call it after the steady-RSS samples: the EventPipe session lives in the bot
    /// (a thread, its glibc arena, event buffers: about 1.5 MB resident), so attaching earlier charges the instrument's
    /// memory to the bot.
    /// </summary>
    public void AttachRuntimeEvents() => (_bot as ChildProcessBot)?.AttachRuntimeEvents();

    public async Task<PhaseResult> RunAsync(Phase phase)
    {
        var total = (int)(phase.PerSecond * phase.Duration.TotalSeconds);
        var before = _discord.RequestsTo(FakeRoutes.Callback).Count;
        var cpuBefore = _bot.CpuTime();
        var runtimeBefore = await _bot.RuntimeTotalsAsync();
        _bot.ResetLongestPause();
        var harnessPauseBefore = GC.GetTotalPauseDuration();
        var started = Stopwatch.GetTimestamp();
        var ids = new List<string>(total);
        var sent = 0;
        while (sent < total)
        {
            // Open-loop pacing against the phase start: send everything due by now, then sleep until the next one is
            // due (timer granularity is about a millisecond, so at 1,000/s sends go out in small batches). Sleeping,
            // unlike spinning, leaves the cores to the bot.
            var due = Math.Min(total, (int)(Stopwatch.GetElapsedTime(started).TotalSeconds * phase.PerSecond) + 1);
            for (; sent < due; sent++)
            {
                ids.Add(await SendAsync(sent));
            }

            if (sent < total)
            {
                var next = TimeSpan.FromSeconds(sent / (double)phase.PerSecond) - Stopwatch.GetElapsedTime(started);
                await Task.Delay(next > TimeSpan.FromMilliseconds(1) ? next : TimeSpan.FromMilliseconds(1));
            }
        }

        await WaitForCallbacksAsync(before + total, TimeSpan.FromSeconds(30));
        var wall = Stopwatch.GetElapsedTime(started);
        var cpu = _bot.CpuTime() - cpuBefore;
        var harnessPauses = GC.GetTotalPauseDuration() - harnessPauseBefore;
        var runtime = RuntimeTotals.Between(runtimeBefore, await _bot.RuntimeTotalsAsync());
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

        return PhaseResult.From(phase, turnarounds, total - turnarounds.Count, shed, cpu, wall, runtime, _bot.Alone ? harnessPauses : null, _bot.Memory().RssMb);
    }

    /// <summary>What the phases send; <c>--mix reads|writes</c> separates the two to see which one carries a tail.</summary>
    public InteractionMix Mix { get; set; }

    /// <summary>Alternates a read (/topic) and a write (Mark learned, a LiteDB insert) from a fresh user each time.</summary>
    private async Task<string> SendAsync(int n)
    {
        var user = FakeUser.Member(Interlocked.Increment(ref _nextUser), "load");
        var read = Mix switch { InteractionMix.Reads => true, InteractionMix.Writes => false, _ => n % 2 == 0 };
        var json = read
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

    public MemoryFigures Memory() => _bot.Memory();

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _discord.DisposeAsync();
    }
}

/// <summary>The interactions a load phase sends.</summary>
public enum InteractionMix
{
    /// <summary>Alternating /topic (read) and Mark learned (write).</summary>
    Both,

    /// <summary>Only /topic.</summary>
    Reads,

    /// <summary>Only Mark learned.</summary>
    Writes,
}
