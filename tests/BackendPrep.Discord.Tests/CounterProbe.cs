using System.Diagnostics.Metrics;

namespace BackendPrep.Discord.Tests;

/// <summary>Sums one instrument of one <see cref="DiscordMetrics"/> instance (tests run in parallel, each with its own).</summary>
internal sealed class CounterProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(long Value, Dictionary<string, object?> Tags)> _measurements = [];

    public CounterProbe(DiscordMetrics metrics, string instrument)
    {
        _listener.InstrumentPublished = (i, l) =>
        {
            if (ReferenceEquals(i.Meter, metrics.Meter) && i.Name == instrument)
                l.EnableMeasurementEvents(i);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
                copy[tag.Key] = tag.Value;
            lock (_measurements)
                _measurements.Add((value, copy));
        });
        _listener.Start();
    }

    public long Total
    {
        get
        {
            lock (_measurements)
                return _measurements.Sum(m => m.Value);
        }
    }

    public long Where(string tag, object? value)
    {
        lock (_measurements)
            return _measurements.Where(m => Equals(m.Tags.GetValueOrDefault(tag), value)).Sum(m => m.Value);
    }

    public void Dispose() => _listener.Dispose();
}
