using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace BackendPrep.Bot.Operations.Metrics;

internal enum PrometheusType
{
    Counter,
    Gauge,
    Histogram,
}

/// <summary>
/// One exposed metric: every series (label set) of the instrument(s) with this Prometheus name, aggregated in process
/// the way a cumulative exporter would: counters and up-down counters add, gauges and observations keep the last value,
/// histograms count into fixed buckets.
/// </summary>
internal sealed class MetricFamily(string name, string? help, PrometheusType type, bool lastValueWins, double[] bounds)
{
    /// <summary>OpenTelemetry's default boundaries, used when an instrument gives no advice; the dashboards' quantiles assume them.</summary>
    public static readonly double[] DefaultBounds = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    private readonly Lock _gate = new();
    // By a hash of the label set that ignores tag order; lookups compare tags in place, so a repeated label set allocates nothing.
    private readonly Dictionary<int, List<Series>> _byHash = [];
    private readonly List<Series> _series = [];

    public string Name { get; } = name;

    public void Record(string scope, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (_gate)
        {
            var series = Find(scope, tags);
            if (type == PrometheusType.Histogram)
            {
                var bucket = 0;
                while (bucket < bounds.Length && value > bounds[bucket])
                    bucket++;
                series.Buckets![bucket]++;
                series.Count++;
                series.Value += value;
            }
            else
            {
                series.Value = lastValueWins ? value : series.Value + value;
            }
        }
    }

    /// <summary><c># TYPE</c>, <c># HELP</c> (when described) and one line per series, or nothing before the first measurement.</summary>
    public void WriteTo(StringBuilder text)
    {
        lock (_gate)
        {
            if (_series.Count == 0)
                return;
            text.Append("# TYPE ").Append(Name).Append(' ').Append(type switch
            {
                PrometheusType.Counter => "counter",
                PrometheusType.Gauge => "gauge",
                _ => "histogram",
            }).Append('\n');
            if (!string.IsNullOrEmpty(help))
                text.Append("# HELP ").Append(Name).Append(' ').Append(PrometheusText.EscapeHelp(help)).Append('\n');
            foreach (var series in _series)
            {
                if (type != PrometheusType.Histogram)
                {
                    Sample(text, "", series.Labels, null, series.Value);
                    continue;
                }

                long cumulative = 0;
                for (var i = 0; i < bounds.Length; i++)
                {
                    cumulative += series.Buckets![i];
                    Sample(text, "_bucket", series.Labels, PrometheusText.Number(bounds[i]), cumulative);
                }

                Sample(text, "_bucket", series.Labels, "+Inf", series.Count);
                Sample(text, "_sum", series.Labels, null, series.Value);
                Sample(text, "_count", series.Labels, null, series.Count);
            }
        }
    }

    private void Sample(StringBuilder text, string suffix, string labels, string? le, double value)
    {
        text.Append(Name).Append(suffix).Append('{').Append(labels);
        if (le is not null)
            text.Append(labels.Length > 0 ? ",le=\"" : "le=\"").Append(le).Append('"');
        text.Append("} ").Append(PrometheusText.Number(value)).Append('\n');
    }

    private Series Find(string scope, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var hash = scope.GetHashCode(StringComparison.Ordinal);
        foreach (var tag in tags)
            hash += HashCode.Combine(tag.Key, tag.Value);
        if (_byHash.TryGetValue(hash, out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (candidate.Matches(scope, tags))
                    return candidate;
            }
        }
        else
        {
            candidates = [];
            _byHash.Add(hash, candidates);
        }

        var series = new Series(scope, tags.ToArray(), type == PrometheusType.Histogram ? new long[bounds.Length + 1] : null);
        candidates.Add(series);
        _series.Add(series);
        return series;
    }

    private sealed class Series(string scope, KeyValuePair<string, object?>[] tags, long[]? buckets)
    {
        /// <summary>Rendered once: <c>otel_scope_name="…"</c> (the meter, as the OpenTelemetry exporter labelled it) and the tags by name.</summary>
        public string Labels { get; } = PrometheusText.Labels(scope, tags);

        public long[]? Buckets { get; } = buckets;

        /// <summary>The counter's or gauge's value, or the histogram's sum.</summary>
        public double Value { get; set; }

        public long Count { get; set; }

        public bool Matches(string otherScope, ReadOnlySpan<KeyValuePair<string, object?>> other)
        {
            if (other.Length != tags.Length || !string.Equals(scope, otherScope, StringComparison.Ordinal))
                return false;
            foreach (var tag in other)
            {
                var found = false;
                foreach (var mine in tags)
                {
                    if (string.Equals(mine.Key, tag.Key, StringComparison.Ordinal) && Equals(mine.Value, tag.Value))
                    {
                        found = true;
                        break;
                    }
                }

                if (!found)
                    return false;
            }

            return true;
        }
    }
}

/// <summary>Text exposition format 0.0.4: number spelling and escaping.</summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public static string Labels(string scope, KeyValuePair<string, object?>[] tags)
    {
        var text = new StringBuilder("otel_scope_name=\"").Append(EscapeLabel(scope)).Append('"');
        foreach (var tag in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            text.Append(',').Append(PrometheusNames.Label(tag.Key)).Append("=\"").Append(EscapeLabel(Format(tag.Value))).Append('"');
        }

        return text.ToString();
    }

    /// <summary>Label values escape backslash, double quote and line feed.</summary>
    public static string EscapeLabel(string value) =>
        value.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);

    /// <summary>Help text escapes backslash and line feed only.</summary>
    public static string EscapeHelp(string value) =>
        value.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);

    private static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
