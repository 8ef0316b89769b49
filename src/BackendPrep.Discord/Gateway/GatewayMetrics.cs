using System.Diagnostics.Metrics;

namespace BackendPrep.Discord.Gateway;

/// <summary>Gateway counters: reconnects by reason, resumes, identifies, heartbeat round trip, waits for a lagging dispatch consumer.</summary>
internal static class GatewayMetrics
{
    public const string MeterName = "BackendPrep.Discord.Gateway";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Reconnects = Meter.CreateCounter<long>("discord.gateway.reconnects", "{reconnect}", "Connections ended, by reason");
    public static readonly Counter<long> Resumes = Meter.CreateCounter<long>("discord.gateway.resumes", "{resume}");
    public static readonly Counter<long> Identifies = Meter.CreateCounter<long>("discord.gateway.identifies", "{identify}", "Sessions started; 1,000 a day at most");
    public static readonly Histogram<double> HeartbeatLatency = Meter.CreateHistogram<double>("discord.gateway.heartbeat.rtt", "ms");
    /// <summary>How long each wait for the dispatch consumer lasted; their count is <c>discord.gateway.dispatches.waits</c> (<see cref="DiscordMetrics"/>).</summary>
    public static readonly Histogram<double> ConsumerWait = Meter.CreateHistogram<double>("discord.gateway.dispatches.wait", "ms",
        "How long each of those waits lasted; frames meanwhile queue in the socket");
}
