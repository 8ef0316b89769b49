using System.Diagnostics.Metrics;
using System.Numerics;
using System.Text;

namespace BackendPrep.Bot.Operations.Metrics;

/// <summary>
/// Listens to our meters (<see cref="OperationsSetup.MeterNames"/>) with a <see cref="MeterListener"/> and writes what
/// they measured as Prometheus text for <c>GET /metrics</c>. It replaces the OpenTelemetry SDK and its exporter, which
/// with ASP.NET Core cost about 9 MB resident for this one page (issue 10); names and buckets are kept as they were.
/// </summary>
internal sealed class PrometheusExposition : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly HashSet<string> _meterNames;
    private readonly object? _scope;
    private readonly Dictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    private readonly Lock _scrape = new();

    /// <param name="meterNames">The meters to expose.</param>
    /// <param name="scope">
    /// The host's meter factory: meters it made for another host in the same process (tests) carry another scope and are
    /// left out. Meters with no scope (the storage layer's static meters) are always taken; a component built without a
    /// host gives its meter a scope of its own (<c>RouterMetrics.Standalone</c>), so it stays out.
    /// </param>
    public PrometheusExposition(IEnumerable<string> meterNames, IMeterFactory? scope)
    {
        _meterNames = new HashSet<string>(meterNames, StringComparer.Ordinal);
        _scope = scope;
        _listener.InstrumentPublished = Publish;
        Listen<byte>();
        Listen<short>();
        Listen<int>();
        Listen<long>();
        Listen<float>();
        Listen<double>();
        Listen<decimal>();
        _listener.Start();
    }

    /// <summary>Runs the observable instruments' callbacks, then writes every family that has a series, by name.</summary>
    public byte[] Scrape()
    {
        lock (_scrape)
        {
            try
            {
                _listener.RecordObservableInstruments();
            }
            catch (AggregateException)
            {
                // The listener calls every callback and throws their failures together at the end: the failing
                // instruments keep their last value, and the scrape still shows everything else.
            }

            MetricFamily[] families;
            lock (_families)
                families = [.. _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal)];
            var text = new StringBuilder(4096);
            foreach (var family in families)
                family.WriteTo(text);
            return Encoding.UTF8.GetBytes(text.ToString());
        }
    }

    private void Listen<T>()
        where T : struct, INumberBase<T> =>
        _listener.SetMeasurementEventCallback<T>(static (instrument, value, tags, state) =>
            ((MetricFamily)state!).Record(instrument.Meter.Name, double.CreateSaturating(value), tags));

    private void Publish(Instrument instrument, MeterListener listener)
    {
        if (!_meterNames.Contains(instrument.Meter.Name) || (instrument.Meter.Scope is { } scope && !ReferenceEquals(scope, _scope)))
            return;
        if (Kind(instrument) is not var (type, lastValueWins))
            return;
        var name = PrometheusNames.Family(instrument, type);
        MetricFamily family;
        lock (_families)
        {
            // Two instruments of one name (the same meter made twice) share a family rather than print it twice.
            if (!_families.TryGetValue(name, out family!))
            {
                var bounds = type == PrometheusType.Histogram ? AdvisedBounds(instrument) ?? MetricFamily.DefaultBounds : [];
                family = new MetricFamily(name, instrument.Description, type, lastValueWins, bounds);
                _families.Add(name, family);
            }
        }

        listener.EnableMeasurementEvents(instrument, family);
    }

    /// <summary>
    /// The Prometheus type, and whether a measurement replaces the series' value: observable instruments report their
    /// current total or level, gauges their level; synchronous counters and up-down counters report increments.
    /// Up-down counters are gauges in Prometheus, since they can fall.
    /// </summary>
    private static (PrometheusType Type, bool LastValueWins)? Kind(Instrument instrument)
    {
        if (!instrument.GetType().IsGenericType)
            return null;
        var definition = instrument.GetType().GetGenericTypeDefinition();
        if (definition == typeof(Counter<>))
            return (PrometheusType.Counter, false);
        if (definition == typeof(ObservableCounter<>))
            return (PrometheusType.Counter, true);
        if (definition == typeof(UpDownCounter<>))
            return (PrometheusType.Gauge, false);
        if (definition == typeof(ObservableUpDownCounter<>) || definition == typeof(ObservableGauge<>) || definition == typeof(Gauge<>))
            return (PrometheusType.Gauge, true);
        if (definition == typeof(Histogram<>))
            return (PrometheusType.Histogram, false);
        return null;
    }

    private static double[]? AdvisedBounds(Instrument instrument) => instrument switch
    {
        Instrument<double> d => d.Advice?.HistogramBucketBoundaries?.ToArray(),
        Instrument<float> f => f.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        Instrument<long> l => l.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        Instrument<int> i => i.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        Instrument<short> s => s.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        Instrument<byte> b => b.Advice?.HistogramBucketBoundaries?.Select(v => (double)v).ToArray(),
        Instrument<decimal> m => m.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        _ => null,
    };

    public void Dispose() => _listener.Dispose();
}
