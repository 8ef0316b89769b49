using System.Diagnostics.Metrics;

namespace BackendPrep.Discord.Tests;

/// <summary>
/// Sums one counter, or keeps the values of one histogram, of one <see cref="DiscordMetrics"/> instance (tests run in
/// parallel, each with its own).
/// </summary>
internal sealed class CounterProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(double Value, Dictionary<string, object?> Tags)> _measurements = [];

    public CounterProbe(DiscordMetrics metrics, string instrument)
    {
        _listener.InstrumentPublished = (i, l) =>
        {
            if (ReferenceEquals(i.Meter, metrics.Meter) && i.Name == instrument)
                l.EnableMeasurementEvents(i);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) => Add(value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) => Add(value, tags));
        _listener.Start();
    }

    public long Total
    {
        get
        {
            lock (_measurements)
                return (long)_measurements.Sum(m => m.Value);
        }
    }

    /// <summary>Each recorded value, in order (for a histogram).</summary>
    public IReadOnlyList<double> Values
    {
        get
        {
            lock (_measurements)
                return [.. _measurements.Select(m => m.Value)];
        }
    }

    public long Where(string tag, object? value)
    {
        lock (_measurements)
            return (long)_measurements.Where(m => Equals(m.Tags.GetValueOrDefault(tag), value)).Sum(m => m.Value);
    }

    private void Add(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
            copy[tag.Key] = tag.Value;
        lock (_measurements)
            _measurements.Add((value, copy));
    }

    public void Dispose() => _listener.Dispose();
}
