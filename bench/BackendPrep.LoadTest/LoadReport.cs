using System.Globalization;
using System.Text;

namespace BackendPrep.LoadTest;

/// <summary>Resident set now and its high-water mark, and the managed heap when it can be read (NaN otherwise).</summary>
public sealed record MemoryFigures(double RssMb, double PeakRssMb, double ManagedHeapMb);

public sealed record PhaseResult(string Phase, int Sent, int Unanswered, int Shed, double P50Ms, double P99Ms, double P999Ms, double MaxMs,
    int DeadlineMisses, double CpuPercent, RuntimeTotals? Runtime, double? HarnessGcPauseMs, double RssAfterMb)
{
    /// <summary>Discord's window for the first response.</summary>
    public const double DeadlineMs = 3000;

    /// <summary>Bytes allocated per interaction sent (the bot's own out of process; everything in process).</summary>
    public double AllocatedKbPerInteraction => Sent == 0 || Runtime is null ? double.NaN : Runtime.AllocatedBytes / 1024.0 / Sent;

    public static PhaseResult From(Phase phase, List<double> turnarounds, int unanswered, int shed, TimeSpan cpu, TimeSpan wall, RuntimeTotals? runtime, TimeSpan? harnessGcPause, double rssAfterMb)
    {
        turnarounds.Sort();
        double At(double q) => turnarounds.Count == 0 ? double.NaN : turnarounds[Math.Min(turnarounds.Count - 1, (int)Math.Ceiling(q * turnarounds.Count) - 1)];
        return new PhaseResult(phase.Name, turnarounds.Count + unanswered, unanswered, shed, At(0.50), At(0.99), At(0.999),
            turnarounds.Count == 0 ? double.NaN : turnarounds[^1], turnarounds.Count(t => t > DeadlineMs) + unanswered,
            100 * cpu / wall / Environment.ProcessorCount, runtime, harnessGcPause?.TotalMilliseconds, rssAfterMb);
    }
}

/// <summary>Resident set of the measured process at named moments (READY, idle after READY, each soak minute).</summary>
public sealed record MemorySample(string Moment, double RssMb);

public sealed record LoadReport(bool BotAlone, TimeSpan StartToReady, IReadOnlyList<MemorySample> Samples, IReadOnlyList<PhaseResult> Phases, MemoryFigures Memory)
{
    public string ToTable()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        var whose = BotAlone ? "the bot process alone" : "bot, fake Discord and harness in one process";
        text.AppendLine(c, $"start → READY and commands registered: {StartToReady.TotalMilliseconds:0} ms");
        text.AppendLine(c, $"CPU % and RSS are of {whose}.");
        text.AppendLine("| phase | sent | p50 ms | p99 ms | p99.9 ms | max ms | deadline misses | unanswered | shed (busy reply) | CPU % (of all cores) | GCs (gen2) | GC pause ms total, longest | KB allocated per interaction | harness GC pause ms | RSS after MB |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var p in Phases)
        {
            var r = p.Runtime;
            var collections = r is null ? "n/a" : string.Create(c, $"{r.Collections} ({r.Gen2Collections})");
            var pause = r is null ? "n/a"
                : r.LongestPause is { } longest ? string.Create(c, $"{r.Pauses.TotalMilliseconds:0.0}, {longest.TotalMilliseconds:0.0}")
                : r.Pauses.TotalMilliseconds.ToString("0.0", c);
            var harnessPause = p.HarnessGcPauseMs is { } hms ? hms.ToString("0.0", c) : "(in the GC pause)";
            text.AppendLine(c, $"| {p.Phase} | {p.Sent} | {p.P50Ms:0.00} | {p.P99Ms:0.00} | {p.P999Ms:0.00} | {p.MaxMs:0.00} | {p.DeadlineMisses} | {p.Unanswered} | {p.Shed} | {p.CpuPercent:0} | {collections} | {pause} | {(double.IsNaN(p.AllocatedKbPerInteraction) ? "n/a" : p.AllocatedKbPerInteraction.ToString("0", c))} | {harnessPause} | {p.RssAfterMb:0.0} |");
        }

        foreach (var sample in Samples)
        {
            text.AppendLine(c, $"RSS {sample.Moment}: {sample.RssMb:0.0} MB");
        }

        var heap = double.IsNaN(Memory.ManagedHeapMb) ? "" : $", managed heap {Memory.ManagedHeapMb:0} MB";
        text.AppendLine(c, $"RSS after the run: {Memory.RssMb:0.0} MB (peak {Memory.PeakRssMb:0.0} MB){heap} — {whose}.");
        return text.ToString();
    }
}
