using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using BackendPrep.Discord;
using BackendPrep.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BackendPrep.Bot.Tests.Discord;

/// <summary>
/// 2,000 INTERACTION_CREATE frames in one burst over the fake gateway's real socket: each is answered exactly once,
/// normally or, past the queue bound, with the ephemeral "busy" notice, and the bot's own clock records no callback
/// later than Discord's 3 seconds.
/// </summary>
[Collection(CpuBound.Name)]
public sealed class OverloadTests(ITestOutputHelper output)
{
    private const int Burst = 2000;
    private const int Users = 50;

    [Fact]
    public async Task A_burst_of_2000_interactions_is_answered_or_shed_busy_and_none_misses_the_deadline()
    {
        using var meters = new ScopedMeters();
        using var counters = new InteractionCounters(meters, expected: Burst);
        // Body validation is covered elsewhere; here its cost would be the fake's, not the bot's.
        var discord = new FakeDiscordServer { ValidateBodies = false };
        await discord.StartAsync();
        // Default queue bound (64), workers (4) and deferral (2 s).
        await using var bot = await BotOnFakeDiscord.StartOnAsync(discord, s => s.AddSingleton<IMeterFactory>(meters));
        await bot.Discord.WaitForRequestAsync(r => r.Route == FakeRoutes.PutGlobalCommands, TimeSpan.FromSeconds(20));

        var interactions = Enumerable.Range(0, Burst)
            .Select(i => FakeInteractions.SlashCommand(FakeUser.Member(200000000000010000 + (ulong)(i % Users), $"u{i % Users}"), "topic", """[{"type":3,"name":"name","value":"caching"}]"""))
            .ToList();
        var ids = interactions.Select(BotOnFakeDiscord.Id).ToList();
        var sentAt = new long[Burst];

        var sending = Stopwatch.StartNew();
        for (var i = 0; i < Burst; i++)
        {
            sentAt[i] = Stopwatch.GetTimestamp();
            await bot.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", interactions[i]);
        }

        sending.Stop();
        // The bot counts an outcome only after its callback's response came back, so by then the fake has recorded
        // every callback. (No waiter per id: 2,000 predicates run on each recorded request would load the fake, under
        // its lock, in the middle of the burst.) The timeout is a failsafe.
        await counters.AllCounted.WaitAsync(TimeSpan.FromSeconds(120));

        var answered = 0;
        var busy = 0;
        var endToEnd = new List<double>(Burst);
        for (var i = 0; i < Burst; i++)
        {
            var id = ids[i];
            var callback = Assert.Single(bot.Discord.CallbacksFor(id));
            endToEnd.Add(Stopwatch.GetElapsedTime(sentAt[i], callback.ArrivedAt).TotalMilliseconds);
            if (callback.JsonText!.Contains("busy right now", StringComparison.Ordinal))
            {
                Assert.Equal(4, callback.CallbackType);
                Assert.Equal(64, callback.Json!.Value.GetProperty("data").GetProperty("flags").GetInt32());
                busy++;
            }
            else
            {
                Assert.True(callback.CallbackType is 4 or 5, $"interaction {id}: callback type {callback.CallbackType}");
                answered++;
            }
        }

        output.WriteLine($"burst of {Burst} sent in {sending.ElapsedMilliseconds} ms: {answered} answered " +
            $"({counters.Deferrals} deferred), {busy} busy; handled ok {counters.Ok}, shed {counters.Shed}, missed deadlines {counters.MissedDeadlines}; " +
            $"gateway waited for the dispatcher {counters.GatewayWaits()} times; frame sent → callback at the fake (figures only, " +
            $"not asserted) p50 {Percentile(endToEnd, 0.50):0} ms, p99 {Percentile(endToEnd, 0.99):0} ms, max {endToEnd.Max():0} ms");
        Assert.Equal(Burst, answered + busy);
        Assert.Equal(Burst, counters.Ok + counters.Shed);
        Assert.Equal(busy, counters.Shed);
        Assert.True(busy > 0, "the burst is far past the default queue bound, so some must be shed");
        Assert.Equal(0, counters.MissedDeadlines);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
    }

    /// <summary>An <see cref="IMeterFactory"/> of the test's own, so parallel tests' meters never mix.</summary>
    private sealed class ScopedMeters : IMeterFactory
    {
        private readonly ConcurrentBag<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }
        }
    }

    /// <summary>
    /// The dispatcher's own counts: outcomes, deferrals and callbacks it sent 3 s or more after receipt; and how often
    /// the gateway found its dispatch channel full and waited (figures only: waiting loses nothing).
    /// </summary>
    private sealed class InteractionCounters : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly int _expected;
        private long _ok;
        private long _shed;
        private long _other;
        private long _deferrals;
        private long _missed;
        private long _gatewayWaits;

        public InteractionCounters(IMeterFactory scope, int expected)
        {
            _expected = expected;
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == scope && instrument.Meter.Name == DiscordMetrics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                switch (instrument.Name)
                {
                    case "discord.interactions.handled":
                        var outcome = Tag(tags, "outcome");
                        Interlocked.Add(ref outcome == "ok" ? ref _ok : ref outcome == "shed" ? ref _shed : ref _other, value);
                        if (Interlocked.Read(ref _ok) + Interlocked.Read(ref _shed) + Interlocked.Read(ref _other) >= _expected)
                        {
                            _all.TrySetResult();
                        }

                        break;
                    case "discord.interactions.deferrals":
                        Interlocked.Add(ref _deferrals, value);
                        break;
                    case "discord.interactions.missed_deadlines":
                        Interlocked.Add(ref _missed, value);
                        break;
                    case "discord.gateway.dispatches.waits":
                        Interlocked.Exchange(ref _gatewayWaits, value); // observable: a running total per shard (one here)
                        break;
                }
            });
            _listener.Start();
        }

        public Task AllCounted => _all.Task;
        public long Ok => Interlocked.Read(ref _ok);
        public long Shed => Interlocked.Read(ref _shed);
        public long Deferrals => Interlocked.Read(ref _deferrals);
        public long MissedDeadlines => Interlocked.Read(ref _missed);

        public long GatewayWaits()
        {
            _listener.RecordObservableInstruments();
            return Interlocked.Read(ref _gatewayWaits);
        }

        private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == name)
                {
                    return tag.Value as string;
                }
            }

            return null;
        }

        public void Dispose() => _listener.Dispose();
    }
}
