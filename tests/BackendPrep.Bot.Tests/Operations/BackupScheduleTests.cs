using BackendPrep.Bot.Operations.Backup;
using BackendPrep.Storage;
using BackendPrep.Storage.Backup;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BackendPrep.Bot.Tests.Operations;

public sealed class BackupScheduleTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    private readonly string _db = Path.Combine(Path.GetTempPath(), $"bp-schedule-{Guid.NewGuid():N}.db");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"bp-schedule-backups-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _time = new(Start);
    private readonly LiteDbStore _store;

    public BackupScheduleTests() => _store = new LiteDbStore(_db);

    private (Backups Backups, BackupSchedule Schedule, BackupHealthCheck Health) Open()
    {
        var backups = new Backups(_store, new BackupDirectory(_folder, "bp", keep: 3), _time);
        var schedule = new BackupSchedule(backups, Options.Create(new BackupOptions { Directory = _folder, Interval = Interval }), _time, NullLogger<BackupSchedule>.Instance);
        return (backups, schedule, new BackupHealthCheck(backups, schedule, _time));
    }

    private static async Task<HealthCheckResult> CheckAsync(BackupHealthCheck health) => await health.CheckHealthAsync(new HealthCheckContext());

    [Fact]
    public async Task The_first_pass_takes_a_backup_and_the_next_falls_due_an_interval_later_even_after_a_restart()
    {
        var (backups, schedule, health) = Open();

        Assert.Equal(Start + Interval, await schedule.PassAsync(CancellationToken.None));
        Assert.Single(backups.Directory.Copies());
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(health)).Status);

        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(Start + Interval, await schedule.PassAsync(CancellationToken.None));
        Assert.Single(backups.Directory.Copies());

        // A new process reads the newest copy's time from its name instead of taking one at once.
        var (_, restarted, _) = Open();
        Assert.Equal(Start + Interval, await restarted.PassAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromHours(5));
        Assert.Equal(Start + Interval * 2, await restarted.PassAsync(CancellationToken.None));
        Assert.Equal(2, backups.Directory.Copies().Count);
    }

    [Fact]
    public async Task A_failed_backup_is_retried_soon_and_shows_as_degraded_health_until_one_succeeds()
    {
        var (backups, schedule, health) = Open();
        await File.WriteAllTextAsync(_folder, "a file where the folder should be");

        var retryAt = await schedule.PassAsync(CancellationToken.None);

        Assert.Equal(Start + schedule.RetryAfter, retryAt);
        var degraded = await CheckAsync(health);
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Contains($"backup into {_folder} failed", degraded.Description, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(retryAt, await schedule.PassAsync(CancellationToken.None));

        File.Delete(_folder);
        _time.Advance(schedule.RetryAfter);
        Assert.Equal(_time.GetUtcNow() + Interval, await schedule.PassAsync(CancellationToken.None));
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(health)).Status);
        Assert.True(backups.Last!.Succeeded);
    }

    [Fact]
    public async Task Health_reports_a_backup_overdue_when_the_newest_copy_is_older_than_twice_the_interval()
    {
        var (_, schedule, health) = Open();
        await schedule.PassAsync(CancellationToken.None);

        _time.Advance(Interval * 2);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(health)).Status);
        _time.Advance(TimeSpan.FromMinutes(1));
        var overdue = await CheckAsync(health);

        Assert.Equal(HealthStatus.Degraded, overdue.Status);
        Assert.StartsWith("newest backup is overdue", overdue.Description, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _store.Dispose();
        File.Delete(_db);
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        File.Delete(_folder);
    }
}
