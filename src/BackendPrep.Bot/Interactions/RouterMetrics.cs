using System.Diagnostics.Metrics;

namespace BackendPrep.Bot.Interactions;

/// <summary>RED metrics for interactions: rate and errors by command and outcome, and handler duration.</summary>
public sealed class RouterMetrics
{
    public const string MeterName = "BackendPrep.Bot";

    private readonly Counter<long> _handled;
    private readonly Histogram<double> _duration;

    public RouterMetrics(IMeterFactory? meters = null)
    {
        var meter = meters?.Create(MeterName) ?? Standalone(MeterName);
        _handled = meter.CreateCounter<long>("backendprep.interactions", "{interaction}", "Interactions handled, by kind, command and outcome");
        _duration = meter.CreateHistogram<double>("backendprep.interaction.duration", "ms", "Time spent in the handler");
    }

    public void Record(Invocation invocation, string outcome, TimeSpan elapsed)
    {
        var name = invocation.Kind switch
        {
            InvocationKind.Command or InvocationKind.Autocomplete => invocation.Command,
            _ => CustomId.TryParse(invocation.Action, out var id, out _) ? id.Route : "unknown",
        };
        KeyValuePair<string, object?>[] tags = [new("kind", invocation.Kind.ToString()), new("name", name), new("outcome", outcome)];
        _handled.Add(1, tags);
        _duration.Record(elapsed.TotalMilliseconds, tags);
    }

    /// <summary>
    /// A meter for a router or loop built without a host (tools, tests): it gets a scope of its own, so it never shows
    /// in the scrape of a host in the same process, which takes only its own scope's meters of these names.
    /// </summary>
    internal static Meter Standalone(string name) => new(new MeterOptions(name) { Scope = new object() });
}
