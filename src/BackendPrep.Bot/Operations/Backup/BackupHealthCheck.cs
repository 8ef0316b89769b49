using BackendPrep.Storage.Backup;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BackendPrep.Bot.Operations.Backup;

/// <summary>
/// With scheduled backups: degraded when the last attempt failed or the newest good copy is older than twice the
/// interval. Degraded, not unhealthy: the bot still serves, and a restart would not mend a full backup disk.
/// </summary>
internal sealed class BackupHealthCheck(Backups backups, BackupSchedule schedule, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (backups.Last is { Succeeded: false } failed)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"last backup failed {Ago(now - failed.At)}: {failed.Failure}"));
        }

        var newest = schedule.NewestGood();
        var age = now - (newest ?? schedule.Started);
        if (age > schedule.OverdueAfter)
        {
            return Task.FromResult(HealthCheckResult.Degraded(newest is null
                ? $"no backup taken in {Ago(age)} (bound {schedule.OverdueAfter})"
                : $"newest backup is overdue: taken {Ago(age)} (bound {schedule.OverdueAfter})"));
        }

        return Task.FromResult(HealthCheckResult.Healthy(newest is null ? "first backup pending" : $"newest backup taken {Ago(age)}"));
    }

    private static string Ago(TimeSpan age) => age.TotalHours >= 1 ? $"{age.TotalHours:0.0} h ago" : $"{age.TotalMinutes:0} min ago";
}
