using System.Diagnostics.Metrics;

namespace BackendPrep.Storage.Backup;

/// <summary>
/// Backup instruments on the storage Meter: attempts by outcome (ok, failed, cancelled), their duration, how long
/// store operations were held, and the size and time of the newest good copy (for "no backup in a day" alerts).
/// </summary>
public static class BackupMetrics
{
    private static readonly Meter Meter = new(StorageMetrics.MeterName);

    private static readonly Counter<long> Attempts = Meter.CreateCounter<long>(
        "backendprep.storage.backups", "{backup}", "Backup attempts by outcome (ok, failed, cancelled)");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "backendprep.storage.backup.duration", "ms", "Time a backup attempt took, from hold to verified copy, by outcome");

    private static readonly Histogram<double> Pause = Meter.CreateHistogram<double>(
        "backendprep.storage.backup.pause", "ms", "How long store operations were held back for a backup (drain, checkpoint, snapshot)");

    private static long _lastBytes = -1;
    private static long _lastAtUnixSeconds = -1;

    static BackupMetrics()
    {
        Meter.CreateObservableGauge("backendprep.storage.backup.size", ObserveSize, "By", "Size of the newest good backup copy");
        Meter.CreateObservableGauge("backendprep.storage.backup.last_success", ObserveLast, "s", "Unix time of the newest good backup copy");
    }

    internal static void Succeeded(BackupCopy copy, DateTimeOffset at)
    {
        Attempts.Add(1, new KeyValuePair<string, object?>("outcome", "ok"));
        Duration.Record(copy.Duration.TotalMilliseconds, new KeyValuePair<string, object?>("outcome", "ok"));
        Pause.Record(copy.WritersHeld.TotalMilliseconds);
        Interlocked.Exchange(ref _lastBytes, copy.Bytes);
        Interlocked.Exchange(ref _lastAtUnixSeconds, at.ToUnixTimeSeconds());
    }

    internal static void Ended(string outcome, TimeSpan duration)
    {
        Attempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        Duration.Record(duration.TotalMilliseconds, new KeyValuePair<string, object?>("outcome", outcome));
    }

    private static IEnumerable<Measurement<long>> ObserveSize() =>
        Interlocked.Read(ref _lastBytes) is >= 0 and var bytes ? [new Measurement<long>(bytes)] : [];

    private static IEnumerable<Measurement<long>> ObserveLast() =>
        Interlocked.Read(ref _lastAtUnixSeconds) is >= 0 and var at ? [new Measurement<long>(at)] : [];
}
