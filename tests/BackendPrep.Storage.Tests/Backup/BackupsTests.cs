using System.Collections.Concurrent;
using BackendPrep.Core.Storage;
using BackendPrep.Storage.Backup;
using LiteDB;
using Microsoft.Extensions.Time.Testing;

namespace BackendPrep.Storage.Tests.Backup;

public sealed class BackupsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_backup_taken_while_writers_run_opens_and_holds_every_write_acknowledged_before_it_began()
    {
        using var temp = new TempDatabase();
        using var folder = new TempBackupFolder();
        using var store = temp.Open();
        var topics = StorageMetrics.Metered<ITopicProgressStore>(new TopicProgressStore(store), store.Gate);
        var acked = new ConcurrentQueue<string>();
        var warmedUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await topics.MarkLearnedAsync($"writer{w}", $"topic{i:D6}", At, CancellationToken.None);
                acked.Enqueue($"writer{w}/topic{i:D6}");
                if (acked.Count >= 400)
                {
                    warmedUp.TrySetResult();
                }
            }
        })).ToList();
        await warmedUp.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var before = acked.ToArray();
        using var backups = new Backups(store, new BackupDirectory(folder.Path, "bp", keep: 3), new FakeTimeProvider(At));
        var report = await backups.TakeAsync(CancellationToken.None);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        using var copy = new LiteDatabase(new ConnectionString { Filename = report.Copy.Path, ReadOnly = true });
        var copied = copy.GetCollection("topic_progress").FindAll().Select(d => d["_id"].AsString).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(LiteDbStore.SchemaVersion, copy.UserVersion);
        Assert.Equal(report.Copy.Collections["topic_progress"], copied.Count);
        Assert.All(before, id => Assert.Contains(id, copied));
        // Consistent, not merely complete: each writer's copied writes are its first k, with no gap.
        foreach (var writer in copied.GroupBy(id => id.Split('/')[0]))
        {
            var numbers = writer.Select(id => int.Parse(id.Split('/')[1]["topic".Length..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
            Assert.Equal(Enumerable.Range(0, numbers.Count), numbers);
        }

        Assert.True(acked.Count >= copied.Count);
        Assert.Equal(["bp-20261129T040000000Z.db"], folder.Files());
        Assert.Equal(0, store.Gate.InFlight);
    }

    [Fact]
    public async Task A_copy_put_in_place_of_the_database_restores_it_for_the_stores()
    {
        using var temp = new TempDatabase();
        using var folder = new TempBackupFolder();
        BackupReport report;
        using (var store = temp.Open())
        {
            var topics = new TopicProgressStore(store);
            await topics.MarkLearnedAsync("u", "caching", At, CancellationToken.None);
            using var backups = new Backups(store, new BackupDirectory(folder.Path, "bp", keep: 3), new FakeTimeProvider(At));
            report = await backups.TakeAsync(CancellationToken.None);
            // Written after the backup: the restore must not have it.
            await topics.MarkLearnedAsync("u", "auth", At, CancellationToken.None);
        }

        // The restore as the docs describe it: the live file and its log aside, the copy in their place.
        File.Delete(temp.Path);
        File.Delete(Path.ChangeExtension(temp.Path, null) + "-log.db");
        File.Copy(report.Copy.Path, temp.Path);
        using var restored = temp.Open();

        Assert.Equal(["caching"], (await new TopicProgressStore(restored).LearnedAsync("u", CancellationToken.None)).Keys);
        Assert.Equal(LiteDbStore.SchemaVersion, restored.StoredSchemaVersion);
    }

    [Fact]
    public async Task Rotation_keeps_the_newest_copies_and_leaves_other_files_alone()
    {
        using var temp = new TempDatabase();
        using var folder = new TempBackupFolder();
        using var store = temp.Open();
        await new TopicProgressStore(store).MarkLearnedAsync("u", "caching", At, CancellationToken.None);
        Directory.CreateDirectory(folder.Path);
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "bp-before-upgrade.db"), "kept by hand");
        var time = new FakeTimeProvider(At);
        using var backups = new Backups(store, new BackupDirectory(folder.Path, "bp", keep: 2), time);

        var reports = new List<BackupReport>();
        for (var i = 0; i < 4; i++)
        {
            reports.Add(await backups.TakeAsync(CancellationToken.None));
            time.Advance(TimeSpan.FromHours(6));
        }

        Assert.Equal(["bp-20261129T160000000Z.db", "bp-20261129T220000000Z.db", "bp-before-upgrade.db"], folder.Files());
        Assert.Equal([reports[0].Copy.Path], reports[2].Removed);
        Assert.Equal([reports[1].Copy.Path], reports[3].Removed);
        Assert.Equal(reports[3].Copy.Path, backups.Directory.Copies()[0].Path);
        Assert.Equal(1, reports[3].Copy.Collections["topic_progress"]);
    }

    [Fact]
    public async Task A_backup_into_a_directory_that_cannot_be_created_fails_naming_it_and_writes_nothing()
    {
        using var temp = new TempDatabase();
        using var folder = new TempBackupFolder();
        using var store = temp.Open();
        Directory.CreateDirectory(folder.Path);
        var blocker = Path.Combine(folder.Path, "a-file");
        await File.WriteAllTextAsync(blocker, "not a directory");
        var target = Path.Combine(blocker, "backups");
        using var backups = new Backups(store, new BackupDirectory(target, "bp", keep: 3), new FakeTimeProvider(At));

        var error = await Assert.ThrowsAsync<BackupFailedException>(() => backups.TakeAsync(CancellationToken.None));

        Assert.StartsWith($"backup into {target} failed: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(["a-file"], folder.Files());
        Assert.False(backups.Last!.Succeeded);
        Assert.Equal(error.Message, backups.Last.Failure);
        // The database is untouched and writable.
        Assert.True(await new TopicProgressStore(store).MarkLearnedAsync("u", "auth", At, CancellationToken.None));
    }

    [Fact]
    public async Task A_backup_whose_final_rename_fails_leaves_no_partial_copy()
    {
        using var temp = new TempDatabase();
        using var folder = new TempBackupFolder();
        using var store = temp.Open();
        var directory = new BackupDirectory(folder.Path, "bp", keep: 3);
        // Something already sits at the name this backup will take, so the copy is written and verified, then cannot be moved.
        Directory.CreateDirectory(directory.PathFor(At));
        using var backups = new Backups(store, directory, new FakeTimeProvider(At));

        await Assert.ThrowsAsync<BackupFailedException>(() => backups.TakeAsync(CancellationToken.None));

        Assert.Equal(["bp-20261129T040000000Z.db"], folder.Files());
        Assert.True(Directory.Exists(directory.PathFor(At)));
    }

    [Fact]
    public async Task A_cancelled_backup_releases_the_store_gate_and_leaves_nothing()
    {
        using var temp = new TempDatabase();
        using var folder = new TempBackupFolder();
        using var store = temp.Open();
        var topics = StorageMetrics.Metered<ITopicProgressStore>(new TopicProgressStore(store), store.Gate);
        using var backups = new Backups(store, new BackupDirectory(folder.Path, "bp", keep: 3), new FakeTimeProvider(At));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backups.TakeAsync(cancelled.Token));

        Assert.True(await topics.MarkLearnedAsync("u", "auth", At, CancellationToken.None));
        Assert.Empty(folder.Files());
        Assert.Equal(0, store.Gate.InFlight);
    }

    [Fact]
    public async Task A_partial_copy_left_by_a_killed_process_is_removed_by_the_next_backup()
    {
        using var temp = new TempDatabase();
        using var folder = new TempBackupFolder();
        using var store = temp.Open();
        Directory.CreateDirectory(folder.Path);
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "bp-20261128T040000000Z.db.partial"), "torn");
        using var backups = new Backups(store, new BackupDirectory(folder.Path, "bp", keep: 3), new FakeTimeProvider(At));

        await backups.TakeAsync(CancellationToken.None);

        Assert.Equal(["bp-20261129T040000000Z.db"], folder.Files());
    }
}
