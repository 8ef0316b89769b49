using System.Diagnostics.Metrics;
using System.Text;

namespace BackendPrep.Bot.Operations.Metrics;

/// <summary>
/// Metric and label names as OpenTelemetry's Prometheus exporter made them, which the docs and dashboards were written
/// against: dots (any character outside <c>[a-zA-Z0-9_:]</c>) become underscores, the unit is appended in words
/// (<c>ms</c> → <c>_milliseconds</c>, <c>By</c> → <c>_bytes</c>; <c>{annotations}</c> dropped), counters end in <c>_total</c>.
/// </summary>
internal static class PrometheusNames
{
    public static string Family(Instrument instrument, PrometheusType type)
    {
        var name = Sanitize(instrument.Name, allowColon: true);
        var counter = type == PrometheusType.Counter;
        if (counter && name.EndsWith("_total", StringComparison.Ordinal))
            name = name[..^"_total".Length];
        var unit = Unit(instrument.Unit);
        if (unit.Length > 0 && !name.EndsWith("_" + unit, StringComparison.Ordinal))
            name += "_" + unit;
        return counter ? name + "_total" : name;
    }

    public static string Label(string key) => Sanitize(key, allowColon: false);

    /// <summary>UCUM units in words: <c>ms</c> → <c>milliseconds</c>, <c>By/s</c> → <c>bytes_per_second</c>, <c>{request}</c> → nothing.</summary>
    internal static string Unit(string? unit)
    {
        if (string.IsNullOrEmpty(unit))
            return "";
        var plain = new StringBuilder(unit.Length);
        var depth = 0;
        foreach (var c in unit)
        {
            if (c == '{')
                depth++;
            else if (c == '}' && depth > 0)
                depth--;
            else if (depth == 0)
                plain.Append(c);
        }

        var text = plain.ToString().Trim();
        if (text.Length == 0)
            return "";
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
            return Sanitize(Plural(text), allowColon: false).Trim('_');
        var numerator = Plural(text[..slash]);
        var denominator = Singular(text[(slash + 1)..]);
        return Sanitize(numerator.Length == 0 ? "per_" + denominator : numerator + "_per_" + denominator, allowColon: false).Trim('_');
    }

    private static string Plural(string unit) => unit switch
    {
        "d" => "days",
        "h" => "hours",
        "min" => "minutes",
        "s" => "seconds",
        "ms" => "milliseconds",
        "us" => "microseconds",
        "ns" => "nanoseconds",
        "By" => "bytes",
        "KiBy" => "kibibytes",
        "MiBy" => "mebibytes",
        "GiBy" => "gibibytes",
        "TiBy" => "tibibytes",
        "KBy" => "kilobytes",
        "MBy" => "megabytes",
        "GBy" => "gigabytes",
        "TBy" => "terabytes",
        "m" => "meters",
        "V" => "volts",
        "A" => "amperes",
        "J" => "joules",
        "W" => "watts",
        "g" => "grams",
        "Cel" => "celsius",
        "Hz" => "hertz",
        "%" => "percent",
        "1" => "",
        _ => unit,
    };

    private static string Singular(string unit) => unit switch
    {
        "s" => "second",
        "m" => "minute",
        "h" => "hour",
        "d" => "day",
        "w" => "week",
        "mo" => "month",
        "y" => "year",
        _ => unit,
    };

    /// <summary>Invalid characters become underscores, runs of them one; a leading digit gets an underscore before it.</summary>
    private static string Sanitize(string name, bool allowColon)
    {
        var clean = new StringBuilder(name.Length + 1);
        if (name.Length > 0 && char.IsAsciiDigit(name[0]))
            clean.Append('_');
        foreach (var c in name)
        {
            var valid = char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':');
            if (valid)
                clean.Append(c);
            else if (clean.Length == 0 || clean[^1] != '_')
                clean.Append('_');
        }

        return clean.ToString();
    }
}
