using System.Diagnostics.CodeAnalysis;

namespace BackendPrep.Storage.Backup;

/// <summary>
/// Takes backups of the live database into a <see cref="BackupDirectory"/>, one at a time, and keeps the newest
/// <see cref="BackupDirectory.Keep"/>. Every attempt is counted in <see cref="BackupMetrics"/> and remembered in
/// <see cref="Last"/> for health.
/// </summary>
public sealed class Backups(LiteDbStore store, BackupDirectory directory, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly DatabaseBackup _backup = new(store, time);
    private BackupAttempt? _last;

    public BackupDirectory Directory { get; } = directory;

    /// <summary>The most recent attempt in this process, or null before the first.</summary>
    public BackupAttempt? Last => Volatile.Read(ref _last);

    /// <summary>Takes a verified copy now; throws <see cref="BackupFailedException"/> (after cleaning up) when it cannot.</summary>
    [SuppressMessage("Design", "CA1031", Justification = "Every failure becomes a BackupFailedException that names the directory and the cause.")]
    public async Task<BackupReport> TakeAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        var started = time.GetTimestamp();
        try
        {
            System.IO.Directory.CreateDirectory(Directory.FullPath);
            Directory.RemoveLeftovers();
            var copy = await _backup.WriteAsync(Directory.PathFor(time.GetUtcNow()), cancellationToken);
            var removed = Directory.Prune();
            BackupMetrics.Succeeded(copy, time.GetUtcNow());
            Volatile.Write(ref _last, new BackupAttempt(time.GetUtcNow(), copy, null));
            return new BackupReport(copy, removed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            BackupMetrics.Ended("cancelled", time.GetElapsedTime(started));
            throw;
        }
        catch (Exception ex)
        {
            BackupMetrics.Ended("failed", time.GetElapsedTime(started));
            var failure = new BackupFailedException($"backup into {Directory.FullPath} failed: {ex.GetType().Name}: {ex.Message}", ex);
            Volatile.Write(ref _last, new BackupAttempt(time.GetUtcNow(), null, failure.Message));
            throw failure;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();
}

/// <summary>One backup attempt: its copy when it succeeded, otherwise why it failed.</summary>
public sealed record BackupAttempt(DateTimeOffset At, BackupCopy? Copy, string? Failure)
{
    public bool Succeeded => Copy is not null;
}
