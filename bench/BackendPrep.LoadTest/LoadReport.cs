using System.Globalization;
using System.Text;

namespace BackendPrep.LoadTest;

public sealed record MemoryFigures(double RssMb, double PeakRssMb, double ManagedHeapMb);

public sealed record PhaseResult(string Phase, int Sent, int Unanswered, int Shed, double P50Ms, double P99Ms, double P999Ms, double MaxMs,
    int DeadlineMisses, double CpuPercent, double GcPauseMs)
{
    /// <summary>Discord's window for the first response.</summary>
    public const double DeadlineMs = 3000;

    public static PhaseResult From(Phase phase, List<double> turnarounds, int unanswered, int shed, TimeSpan cpu, TimeSpan wall, TimeSpan gcPause)
    {
        turnarounds.Sort();
        double At(double q) => turnarounds.Count == 0 ? double.NaN : turnarounds[Math.Min(turnarounds.Count - 1, (int)Math.Ceiling(q * turnarounds.Count) - 1)];
        return new PhaseResult(phase.Name, turnarounds.Count + unanswered, unanswered, shed, At(0.50), At(0.99), At(0.999),
            turnarounds.Count == 0 ? double.NaN : turnarounds[^1], turnarounds.Count(t => t > DeadlineMs) + unanswered,
            100 * cpu / wall / Environment.ProcessorCount, gcPause.TotalMilliseconds);
    }
}

public sealed record LoadReport(TimeSpan StartToReady, IReadOnlyList<PhaseResult> Phases, MemoryFigures Memory)
{
    public string ToTable()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"start → READY and commands registered: {StartToReady.TotalMilliseconds:0} ms");
        text.AppendLine("| phase | sent | p50 ms | p99 ms | p99.9 ms | max ms | deadline misses | unanswered | shed (busy reply) | CPU % (of all cores) | GC pause ms |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var p in Phases)
        {
            text.AppendLine(c, $"| {p.Phase} | {p.Sent} | {p.P50Ms:0.00} | {p.P99Ms:0.00} | {p.P999Ms:0.00} | {p.MaxMs:0.00} | {p.DeadlineMisses} | {p.Unanswered} | {p.Shed} | {p.CpuPercent:0} | {p.GcPauseMs:0.0} |");
        }

        text.AppendLine(c, $"RSS after the run: {Memory.RssMb:0} MB (peak {Memory.PeakRssMb:0} MB), managed heap {Memory.ManagedHeapMb:0} MB — bot and fake Discord share this process.");
        return text.ToString();
    }
}
