using System.Globalization;
using BackendPrep.Discord.Gateway;
using BackendPrep.FakeDiscord;
using BackendPrep.FakeDiscord.Faults;
using Xunit.Abstractions;

namespace BackendPrep.Bot.Tests.Discord.Chaos;

/// <summary>
/// The chaos run (issue #9): the whole bot on the fake Discord, a seeded stream of interactions, and after every few
/// of them a fault drawn from <see cref="FaultPlan"/> — socket drops, close codes, op 7, op 9 both ways, zombie
/// connections, 429 bursts, 5xx and slow answers. Then three days of reminder posts with faults on the channel route.
/// Reproduce with the seed in the output: <c>dotnet test tests/BackendPrep.Bot.Tests -c Release --filter ChaosRunTests</c>.
/// </summary>
public sealed class ChaosRunTests(ITestOutputHelper output)
{
    public const int Seed = 20261129;
    public const int StreamFaults = 110;
    private const int ReminderDays = 3;
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);
    private static readonly ulong[] GuildIds = [100_000_000_000_000_011, 100_000_000_000_000_012, 100_000_000_000_000_013];

    [Fact]
    public async Task Every_delivered_interaction_is_answered_once_and_no_reminder_doubles_through_a_seeded_fault_storm()
    {
        var probe = new BotProbe(Start);
        var discord = new FakeDiscordServer { Clock = probe.Time };
        await discord.StartAsync();
        // Short beats so a zombie is caught in seconds of fake time; the pump moves only 200 ms at a time while idle.
        discord.Gateway.HeartbeatIntervalMs = 5_000;
        await using var bot = await BotOnFakeDiscord.StartOnAsync(discord, probe.Configure, "--Logging:LogLevel:Default=Warning");
        var pump = new ClockPump(probe.Time, () => discord.Requests.Count + (discord.Gateway.Received.Count * 100_000L));
        var run = new ChaosLedger(discord, probe);
        var plan = new FaultPlan(Seed);
        var stream = new InteractionStream(new Random(Seed), discord);
        output.WriteLine($"seed {Seed}");

        await pump.UntilAsync(() => run.Connected, "first READY");
        await SetRemindersAsync(run, pump);

        for (var i = 0; i < StreamFaults; i++)
        {
            var fault = plan.Next(FakeRoutes.Callback);
            // One fault at a time: a REST fault waits for the previous scripts to be used, a gateway fault for a session.
            await pump.UntilAsync(() => run.Connected && discord.PendingScripts(FakeRoutes.Callback) == 0, $"quiet before fault {i}");
            var connections = discord.Gateway.Connections;
            await discord.InjectAsync(fault);
            run.Injected(fault);
            output.WriteLine($"{probe.Time.GetUtcNow():HH:mm:ss.f} fault {i}: {fault}");
            for (var n = 1 + (i % 3); n > 0; n--)
            {
                var json = stream.Next();
                stream.Sent(json);
                await run.SendAsync(json);
            }

            // A gateway fault is over when the bot is on a new connection (a zombie looks healthy until its ACK is missed).
            await pump.UntilAsync(() => run.Connected && run.Settled && (!fault.IsGateway || discord.Gateway.Connections > connections),
                $"interactions after fault {i} ({fault}) settled");
        }

        await pump.UntilAsync(() => run.Connected && discord.PendingScripts(FakeRoutes.Callback) == 0 && run.Settled, "stream settled");

        for (var day = 0; day < ReminderDays; day++)
        {
            var fault = plan.NextRest(FakeRoutes.CreateMessage);
            await discord.InjectAsync(fault);
            run.Injected(fault);
            output.WriteLine($"day {day + 1}: {fault}");
            var date = DateOnly.FromDateTime(Start.Date).AddDays(day);
            await JumpToAsync(run, pump, new DateTimeOffset(Start.Date.AddDays(day), TimeSpan.Zero).AddHours(9));
            await pump.UntilAsync(() => GuildIds.All(g => ReminderPosts(discord, ChannelOf(g), date).Any(p => p.ResponseStatus != 429)), $"reminders of {date}");
        }

        foreach (var post in discord.RequestsTo(FakeRoutes.CreateMessage))
        {
            output.WriteLine($"  {post} {post.JsonText?[..Math.Min(100, post.JsonText.Length)]}");
        }

        var report = run.Report();
        output.WriteLine(report.ToString());
        output.WriteLine($"fake time advanced {pump.Advanced}; rate-limit waits {probe.Counter("discord.rest.rate_limit.waits")}; requests abandoned {probe.Counter("discord.rest.abandoned")}");

        // Every interaction the bot's gateway read was answered by exactly one accepted initial callback.
        Assert.True(report.Delivered >= 150, $"only {report.Delivered} interactions reached the bot");
        Assert.Empty(report.Unanswered);
        Assert.Empty(report.AnsweredTwice);
        Assert.Empty(report.AnsweredButNeverDelivered);
        Assert.Equal(0, discord.RequestsTo(FakeRoutes.Callback).Count(r => r.ResponseStatus == 400));

        // No reminder twice: exactly one accepted post per channel per date, unless a 5xx refused the only attempt.
        for (var day = 0; day < ReminderDays; day++)
        {
            var date = DateOnly.FromDateTime(Start.Date).AddDays(day);
            foreach (var channel in GuildIds.Select(ChannelOf))
            {
                var posts = ReminderPosts(discord, channel, date);
                var accepted = posts.Count(p => p.ResponseStatus == 200);
                var refused = posts.Count(p => p.ResponseStatus >= 500);
                Assert.True(accepted + refused == 1, $"{date} in channel {channel}: {accepted} accepted and {refused} refused reminder posts");
            }
        }

        // The bot's own counters tell the same story as the faults.
        var health = probe.Gateway;
        foreach (var (reason, expected) in report.ExpectedReconnects)
        {
            Assert.True(expected == health.ReconnectsByReason.GetValueOrDefault(reason), $"reconnects '{reason}': expected {expected}, counted {health.ReconnectsByReason.GetValueOrDefault(reason)}");
        }

        // A reset socket reads as "closed" or as a network error depending on where the read was; nothing else ends one.
        Assert.Equal(report.Drops, health.ReconnectsByReason.GetValueOrDefault("closed") + health.ReconnectsByReason.GetValueOrDefault("network error"));
        Assert.Equal(report.ExpectedReconnects.Values.Sum() + report.Drops, health.ReconnectsByReason.Values.Sum());
        Assert.Equal(report.ExpectedResumes, health.Resumes);
        Assert.Equal(1 + report.SessionEnding, health.IdentifiesSent);
        // Every scripted 429 is counted, except one whose request the bot had already given up on (its caller cancelled
        // or the deadline passed while the fake's clock ran ahead of a starved CPU): nobody read that answer.
        var abandoned = probe.Counter("discord.rest.abandoned");
        foreach (var scope in new[] { "user", "global", "shared" })
        {
            var scripted = report.RateLimitsByScope.GetValueOrDefault(scope);
            var counted = probe.Counter("discord.rest.rate_limited", "scope=" + scope);
            Assert.True(counted <= scripted && counted >= scripted - abandoned,
                $"429s with scope {scope}: {scripted} scripted, {counted} counted, {abandoned} requests abandoned");
        }

        Assert.Equal(report.ServerErrors, discord.Requests.Count(r => r.ResponseStatus >= 500));
        Assert.Equal(0, discord.UnscriptedRateLimits);
        Assert.Empty(discord.SchemaViolations);
        var problems = probe.Problems.ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(report.FaultsInjected >= 100);
    }

    private static ulong ChannelOf(ulong guildId) => guildId + 500_000_000_000_000_000;

    /// <summary>Attempts to post the daily reminder of <paramref name="date"/> (the weekly digest goes to the same channel).</summary>
    private static List<RecordedRequest> ReminderPosts(FakeDiscordServer discord, ulong channel, DateOnly date) =>
        [.. discord.RequestsTo(FakeRoutes.CreateMessage).Where(p => p.Path == $"/channels/{channel}/messages"
            && Title(p) == $"Daily drill · {date:yyyy-MM-dd}")];

    private static string? Title(RecordedRequest post) =>
        post.Json is { } body && body.TryGetProperty("embeds", out var embeds) && embeds.GetArrayLength() > 0 && embeds[0].TryGetProperty("title", out var title)
            ? title.GetString()
            : null;

    private static async Task SetRemindersAsync(ChaosLedger run, ClockPump pump)
    {
        foreach (var guild in GuildIds)
        {
            var admin = new FakeUser(guild + 1_000, "admin", guild, Permissions: 1UL << 5);
            var options = $$"""
                [{"type":1,"name":"set","options":[{"type":7,"name":"channel","value":"{{ChannelOf(guild).ToString(CultureInfo.InvariantCulture)}}"},
                {"type":3,"name":"time","value":"09:00"},{"type":3,"name":"timezone","value":"Europe/London"}]}]
                """;
            await run.SendAsync(FakeInteractions.SlashCommand(admin, "reminders", options));
        }

        await pump.UntilAsync(() => run.Settled, "reminders set");
    }

    /// <summary>
    /// Jumps the clock to a reminder time in one step. A jump across a heartbeat with an ACK still in flight would look
    /// like a zombie, so first the fake asks for a heartbeat (op 1) and the bot must have its ACK at the current instant.
    /// </summary>
    private static async Task JumpToAsync(ChaosLedger run, ClockPump pump, DateTimeOffset to)
    {
        await pump.UntilAsync(() => run.Connected, "connected before the jump");
        var time = run.Probe.Time;
        time.Advance(TimeSpan.FromMilliseconds(1));
        var beats = run.Discord.Gateway.ReceivedOp(1).Count;
        await run.Discord.Gateway.RequestHeartbeatAsync();
        await run.Discord.Gateway.WaitForOpAsync(1, beats + 1);
        var now = time.GetUtcNow();
        for (var i = 0; i < 2_000 && run.Probe.Gateway.LastHeartbeatAckAt != now; i++)
        {
            await Task.Delay(5); // real time, waiting for the bot to read the ACK; the clock stays put
        }

        Assert.Equal(now, run.Probe.Gateway.LastHeartbeatAckAt);
        time.Advance(to - now);
    }
}
