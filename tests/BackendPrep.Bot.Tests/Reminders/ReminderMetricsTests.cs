using System.Diagnostics.Metrics;
using BackendPrep.Bot.Features.Reminders;
using BackendPrep.Bot.Transports;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using static BackendPrep.Bot.Tests.Reminders.ReminderServiceTests;

namespace BackendPrep.Bot.Tests.Reminders;

public sealed class ReminderMetricsTests
{
    [Fact]
    public async Task A_posted_reminder_counts_once_as_posted()
    {
        using var h = new ReminderHarness(new DateTimeOffset(2026, 11, 2, 7, 58, 0, TimeSpan.Zero));
        using var counts = new Counts(h.Meters);
        await h.Commands().SetAsync(Command("reminders set", ("channel", "<#study>"), ("time", "09:00"), ("timezone", "Europe/Berlin")), default);

        for (var i = 0; i < 10; i++)
        {
            await h.Service.RunDueAsync(default);
            h.Time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Single(h.Messenger.Posts);
        Assert.Equal(1, counts.Of("group", "posted", ""));
        Assert.Equal(1, counts.Total);
    }

    [Fact]
    public async Task A_failed_delivery_counts_as_failed_with_its_reason_and_nothing_posted()
    {
        using var h = new ReminderHarness(new DateTimeOffset(2026, 11, 2, 7, 58, 0, TimeSpan.Zero));
        using var counts = new Counts(h.Meters);
        await h.Commands().SetAsync(Command("reminders set", ("channel", "<#study>"), ("time", "09:00"), ("timezone", "Europe/Berlin")), default);
        h.Messenger.Fail = DeliveryFailure.UnknownChannel;

        for (var i = 0; i < 10; i++)
        {
            await h.Service.RunDueAsync(default);
            h.Time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(1, counts.Of("group", "failed", nameof(DeliveryFailure.UnknownChannel)));
        Assert.Equal(0, counts.Of("group", "posted", ""));
    }

    [Fact]
    public async Task The_loop_health_check_fails_after_two_sleeps_without_a_pass_and_recovers_on_the_next()
    {
        using var h = new ReminderHarness(new DateTimeOffset(2026, 11, 2, 7, 58, 0, TimeSpan.Zero));
        var check = new ReminderLoopHealthCheck(h.Service);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        h.Time.Advance(TimeSpan.FromMinutes(11));
        var stale = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, stale.Status);
        Assert.Contains("no completed reminder pass", stale.Description, StringComparison.Ordinal);

        await h.Service.PassAsync(default);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    /// <summary>Sums <c>backendprep.reminders</c> by kind, outcome and reason, from one meter factory only.</summary>
    private sealed class Counts : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<(string, string, string), long> _sums = [];

        public Counts(IMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name == "backendprep.reminders")
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                string kind = "", outcome = "", reason = "";
                foreach (var tag in tags)
                {
                    var text = tag.Value?.ToString() ?? "";
                    switch (tag.Key)
                    {
                        case "kind": kind = text; break;
                        case "outcome": outcome = text; break;
                        case "reason": reason = text; break;
                    }
                }

                lock (_sums)
                    _sums[(kind, outcome, reason)] = _sums.GetValueOrDefault((kind, outcome, reason)) + value;
            });
            _listener.Start();
        }

        public long Total
        {
            get
            {
                lock (_sums)
                    return _sums.Values.Sum();
            }
        }

        public long Of(string kind, string outcome, string reason)
        {
            lock (_sums)
                return _sums.GetValueOrDefault((kind, outcome, reason));
        }

        public void Dispose() => _listener.Dispose();
    }
}
