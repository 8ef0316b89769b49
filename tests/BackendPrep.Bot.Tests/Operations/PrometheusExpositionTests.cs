using System.Diagnostics.Metrics;
using System.Text;
using BackendPrep.Bot.Operations.Metrics;

namespace BackendPrep.Bot.Tests.Operations;

public sealed class PrometheusExpositionTests
{
    // Each test its own meter name: listeners see every meter in the process, and tests run in parallel.
    private readonly string _meterName = $"Test.Exposition.{Guid.NewGuid():N}";

    [Fact]
    public void A_counter_is_summed_per_label_set_whatever_the_tag_order_and_named_with_total()
    {
        using var meter = new Meter(_meterName);
        using var exposition = new PrometheusExposition([_meterName], scope: null);
        var requests = meter.CreateCounter<long>("test.requests", "{request}", "Requests by route");

        requests.Add(2, new("route", "a"), new("status", 200));
        requests.Add(3, new("status", 200), new("route", "a"));
        requests.Add(1, new("route", "b"), new("status", 404));
        var lines = Lines(exposition);

        Assert.Equal(
        [
            "# TYPE test_requests_total counter",
            "# HELP test_requests_total Requests by route",
            $"test_requests_total{{otel_scope_name=\"{_meterName}\",route=\"a\",status=\"200\"}} 5",
            $"test_requests_total{{otel_scope_name=\"{_meterName}\",route=\"b\",status=\"404\"}} 1",
        ], lines);
    }

    [Fact]
    public void A_histogram_has_cumulative_default_buckets_with_inf_sum_and_count_and_the_unit_in_its_name()
    {
        using var meter = new Meter(_meterName);
        using var exposition = new PrometheusExposition([_meterName], scope: null);
        var duration = meter.CreateHistogram<double>("test.duration", "ms");

        foreach (var value in new[] { 0, 3, 5, 7.5, 7.5, 20000 })
            duration.Record(value, new KeyValuePair<string, object?>("op", "read"));
        var lines = Lines(exposition);

        var labels = $"otel_scope_name=\"{_meterName}\",op=\"read\"";
        // No description, no HELP line; le is inclusive (5 falls in le="5"); 20000 only in +Inf.
        Assert.Equal("# TYPE test_duration_milliseconds histogram", lines[0]);
        Assert.Equal($"test_duration_milliseconds_bucket{{{labels},le=\"0\"}} 1", lines[1]);
        Assert.Equal($"test_duration_milliseconds_bucket{{{labels},le=\"5\"}} 3", lines[2]);
        Assert.Equal($"test_duration_milliseconds_bucket{{{labels},le=\"10\"}} 5", lines[3]);
        Assert.Equal($"test_duration_milliseconds_bucket{{{labels},le=\"10000\"}} 5", lines[15]);
        Assert.Equal($"test_duration_milliseconds_bucket{{{labels},le=\"+Inf\"}} 6", lines[16]);
        Assert.Equal($"test_duration_milliseconds_sum{{{labels}}} 20023", lines[17]);
        Assert.Equal($"test_duration_milliseconds_count{{{labels}}} 6", lines[18]);
        Assert.Equal(19, lines.Length);
        Assert.Equal(
            ["0", "5", "10", "25", "50", "75", "100", "250", "500", "750", "1000", "2500", "5000", "7500", "10000", "+Inf"],
            lines.Where(l => l.Contains("_bucket", StringComparison.Ordinal)).Select(l => l.Split("le=\"")[1].Split('"')[0]));
    }

    [Fact]
    public void A_histogram_takes_the_instruments_advised_boundaries()
    {
        using var meter = new Meter(_meterName);
        using var exposition = new PrometheusExposition([_meterName], scope: null);
        var size = meter.CreateHistogram("test.size", "By", "Sizes", advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [100, 1000] });

        size.Record(50);
        size.Record(500);
        size.Record(5000);
        var lines = Lines(exposition);

        var scope = $"otel_scope_name=\"{_meterName}\"";
        Assert.Equal(
        [
            "# TYPE test_size_bytes histogram",
            "# HELP test_size_bytes Sizes",
            $"test_size_bytes_bucket{{{scope},le=\"100\"}} 1",
            $"test_size_bytes_bucket{{{scope},le=\"1000\"}} 2",
            $"test_size_bytes_bucket{{{scope},le=\"+Inf\"}} 3",
            $"test_size_bytes_sum{{{scope}}} 5550",
            $"test_size_bytes_count{{{scope}}} 3",
        ], lines);
    }

    [Fact]
    public void Label_values_escape_backslash_quote_and_newline_and_help_escapes_backslash_and_newline()
    {
        using var meter = new Meter(_meterName);
        using var exposition = new PrometheusExposition([_meterName], scope: null);
        var errors = meter.CreateCounter<int>("test.errors", description: "Errors\nby \"reason\" \\ kind");

        errors.Add(1, new KeyValuePair<string, object?>("reason", "say \"hi\"\\now\nthen"), new KeyValuePair<string, object?>("bad-key.x", true));
        var lines = Lines(exposition);

        Assert.Equal("# HELP test_errors_total Errors\\nby \"reason\" \\\\ kind", lines[1]);
        Assert.Equal($"test_errors_total{{otel_scope_name=\"{_meterName}\",bad_key_x=\"true\",reason=\"say \\\"hi\\\"\\\\now\\nthen\"}} 1", lines[2]);
    }

    [Fact]
    public void Gauges_and_observable_counters_report_the_latest_observation_and_up_down_counters_the_running_sum()
    {
        using var meter = new Meter(_meterName);
        using var exposition = new PrometheusExposition([_meterName], scope: null);
        var level = 3;
        long waits = 10;
        meter.CreateObservableGauge("test.level", () => level, "By", "Level");
        meter.CreateObservableCounter("test.waits", () => new Measurement<long>(waits, new KeyValuePair<string, object?>("shard", 0)));
        var inFlight = meter.CreateUpDownCounter<int>("test.in_flight", "{request}");
        inFlight.Add(5);
        inFlight.Add(-2);
        var scope = $"otel_scope_name=\"{_meterName}\"";

        Assert.Equal(
        [
            "# TYPE test_in_flight gauge",
            $"test_in_flight{{{scope}}} 3",
            "# TYPE test_level_bytes gauge",
            "# HELP test_level_bytes Level",
            $"test_level_bytes{{{scope}}} 3",
            "# TYPE test_waits_total counter",
            $"test_waits_total{{{scope},shard=\"0\"}} 10",
        ], Lines(exposition));

        level = 1;
        waits = 12;
        var second = Lines(exposition);
        Assert.Contains($"test_level_bytes{{{scope}}} 1", second);
        Assert.Contains($"test_waits_total{{{scope},shard=\"0\"}} 12", second);
    }

    [Fact]
    public void An_observable_callback_that_throws_leaves_the_rest_of_the_scrape_intact()
    {
        using var meter = new Meter(_meterName);
        using var exposition = new PrometheusExposition([_meterName], scope: null);
        Func<int> broken = () => throw new InvalidOperationException("callback bug");
        meter.CreateObservableGauge("test.broken", broken);
        meter.CreateObservableGauge("test.fine", () => 7);

        Assert.Equal(["# TYPE test_fine gauge", $"test_fine{{otel_scope_name=\"{_meterName}\"}} 7"], Lines(exposition));
    }

    [Fact]
    public void Only_the_named_meters_count_and_meters_of_another_hosts_factory_are_left_out()
    {
        using var ours = new Meter(_meterName);
        using var other = new Meter(_meterName + ".Other");
        using var factory = new TestMeterFactory();
        using var foreignFactory = new TestMeterFactory();
        using var exposition = new PrometheusExposition([_meterName], factory);
        ours.CreateCounter<long>("test.static").Add(1);
        other.CreateCounter<long>("test.unlisted").Add(1);
        factory.Create(_meterName).CreateCounter<long>("test.scoped").Add(1);
        foreignFactory.Create(_meterName).CreateCounter<long>("test.foreign").Add(1);
        ours.CreateCounter<long>("test.silent");

        var names = Lines(exposition).Where(l => l.StartsWith("# TYPE", StringComparison.Ordinal)).ToArray();

        Assert.Equal(["# TYPE test_scoped_total counter", "# TYPE test_static_total counter"], names);
    }

    private static string[] Lines(PrometheusExposition exposition) =>
        Encoding.UTF8.GetString(exposition.Scrape()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            options.Scope = this;
            var meter = new Meter(options);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
