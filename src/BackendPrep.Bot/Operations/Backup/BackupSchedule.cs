using BackendPrep.Bot.Hosting;
using BackendPrep.Storage.Backup;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Operations.Backup;

/// <summary>
/// Takes a backup every <see cref="BackupOptions.Interval"/>. The schedule follows the newest copy in the folder, so a
/// restart does not take an extra one and an on-demand backup moves the next one on. A failed backup is retried after
/// <see cref="RetryAfter"/>, not at the next interval.
/// </summary>
internal sealed class BackupSchedule(
    Backups backups,
    IOptions<BackupOptions> options,
    TimeProvider time,
    ILogger<BackupSchedule> log) : ScheduledLoop(time, log)
{
    private DateTimeOffset? _retryAt;

    public TimeSpan Interval { get; } = options.Value.Interval ?? throw new InvalidOperationException("Storage:Backup:Interval is not set");

    public TimeSpan RetryAfter => TimeSpan.FromTicks(Math.Min(Interval.Ticks, TimeSpan.FromMinutes(15).Ticks));

    /// <summary>No good copy for this long, and the health check reports the backup overdue.</summary>
    public TimeSpan OverdueAfter => Interval * 2;

    /// <summary>When the schedule was created: the age of "no copy yet" counts from here.</summary>
    public DateTimeOffset Started { get; } = time.GetUtcNow();

    protected override TimeSpan MaxSleep => TimeSpan.FromTicks(Math.Min(Interval.Ticks, TimeSpan.FromMinutes(5).Ticks));

    /// <summary>The newest good copy: this process's last success, or the newest file in the folder.</summary>
    public DateTimeOffset? NewestGood()
    {
        var last = backups.Last is { Succeeded: true } ok ? ok.At : (DateTimeOffset?)null;
        DateTimeOffset? onDisk;
        try
        {
            var copies = backups.Directory.Copies();
            onDisk = copies.Count > 0 ? copies[0].TakenAt : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unreadable folder is the backup's failure to report, not the health check's.
            onDisk = null;
        }

        return last > onDisk || onDisk is null ? last : onDisk;
    }

    protected internal override async Task<DateTimeOffset?> RunDueAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow();
        var due = NewestGood() is { } newest ? newest + Interval : now;
        if (_retryAt is { } retry && backups.Last is { Succeeded: false })
        {
            due = retry > due ? retry : due;
        }

        if (now < due)
        {
            return due;
        }

        try
        {
            var report = await backups.TakeAsync(ct);
            _retryAt = null;
            Log.LogInformation("Backup {File}: {Bytes} bytes, {Documents} documents, store operations held {PauseMs:0.0} ms, took {DurationMs:0} ms; removed {Removed}",
                report.Copy.Path, report.Copy.Bytes, report.Copy.Documents, report.Copy.WritersHeld.TotalMilliseconds, report.Copy.Duration.TotalMilliseconds, report.Removed.Count);
            return Time.GetUtcNow() + Interval;
        }
        catch (BackupFailedException ex)
        {
            _retryAt = Time.GetUtcNow() + RetryAfter;
            Log.LogError(ex, "Scheduled backup failed; retrying at {RetryAt:u}", _retryAt);
            return _retryAt;
        }
    }
}
