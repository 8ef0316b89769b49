using LiteDB;

namespace BackendPrep.Storage.Backup;

/// <summary>
/// An online copy of the live LiteDB file, consistent as of the moment the backup starts:
/// <list type="number">
/// <item>Hold the <see cref="StoreGate"/>: new store operations wait, running ones finish.</item>
/// <item>Checkpoint: every acknowledged write moves from the log into the data file.</item>
/// <item>Open a LiteDB read transaction on this thread and pin a snapshot of every collection, then release the gate.
/// Store operations go on, writing to the log only: LiteDB checkpoints only when no transaction is open, so while ours
/// is, the data file does not change.</item>
/// <item>Count each collection in the pinned snapshot, copy the data file byte for byte to <c>*.partial</c>, fsync, end
/// the transaction.</item>
/// <item>Open the copy read-only with LiteDB and check the schema version and every collection's count, then rename it.</item>
/// </list>
/// Writers (and readers, which LiteDB's checkpoint also blocks) wait only for steps 1–3.
/// </summary>
public sealed class DatabaseBackup(LiteDbStore store, TimeProvider time)
{
    /// <summary>How long running store operations may take to finish before the backup gives up.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    private const int CopyBuffer = 1 << 20;

    /// <summary>Writes a verified copy to <paramref name="destination"/>, which must not exist yet.</summary>
    public async Task<BackupCopy> WriteAsync(string destination, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var partial = destination + ".partial";
        try
        {
            using var hold = await store.Gate.HoldAsync(DrainTimeout, time, cancellationToken);
            // One thread for the whole copy: LiteDB transactions belong to the thread that began them. The task is
            // always started (no token here), so the hold is always released; the copy watches the token itself.
            var snapshot = await Task.Factory.StartNew(() => CopyPinned(hold, started, partial, cancellationToken),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            var bytes = Verify(partial, snapshot);
            File.Move(partial, destination, overwrite: false);
            return new BackupCopy(destination, bytes, snapshot.SchemaVersion, snapshot.Collections, snapshot.WritersHeld, time.GetElapsedTime(started));
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    private Pinned CopyPinned(IDisposable hold, long started, string partial, CancellationToken cancellationToken)
    {
        var db = store.Database;
        var began = false;
        string[] names;
        int schema;
        try
        {
            db.Checkpoint();
            began = db.BeginTrans();
            if (!began)
            {
                throw new InvalidOperationException("the backup thread already had a LiteDB transaction");
            }

            names = [.. db.GetCollectionNames().Order(StringComparer.Ordinal)];
            foreach (var name in names)
            {
                // Any read creates the collection's snapshot in this transaction, at the version it sees now.
                _ = db.GetCollection(name).FindById(BsonValue.MinValue);
            }

            schema = db.UserVersion;
        }
        catch
        {
            hold.Dispose();
            if (began)
            {
                db.Rollback();
            }

            throw;
        }

        hold.Dispose();
        var held = time.GetElapsedTime(started);
        try
        {
            var counts = names.ToDictionary(n => n, n => db.GetCollection(n).LongCount(), StringComparer.Ordinal);
            CopyFile(store.FilePath, partial, cancellationToken);
            return new Pinned(schema, counts, held);
        }
        finally
        {
            db.Rollback();
        }
    }

    private static void CopyFile(string source, string target, CancellationToken cancellationToken)
    {
        using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, CopyBuffer, FileOptions.SequentialScan);
        using var to = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBuffer);
        var buffer = new byte[CopyBuffer];
        int read;
        while ((read = from.Read(buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            to.Write(buffer, 0, read);
        }

        to.Flush(flushToDisk: true);
    }

    /// <summary>Opens the copy read-only and compares it with the pinned snapshot; returns its size.</summary>
    private static long Verify(string partial, Pinned expected)
    {
        using (var copy = new LiteDatabase(new ConnectionString { Filename = partial, Connection = ConnectionType.Direct, ReadOnly = true }))
        {
            if (copy.UserVersion != expected.SchemaVersion)
            {
                throw new InvalidDataException($"the copy has schema version {copy.UserVersion}, the database {expected.SchemaVersion}");
            }

            var names = copy.GetCollectionNames().Order(StringComparer.Ordinal).ToList();
            if (!names.SequenceEqual(expected.Collections.Keys.Order(StringComparer.Ordinal)))
            {
                throw new InvalidDataException($"the copy has collections [{string.Join(", ", names)}], the database [{string.Join(", ", expected.Collections.Keys)}]");
            }

            foreach (var (name, count) in expected.Collections)
            {
                var copied = copy.GetCollection(name).LongCount();
                if (copied != count)
                {
                    throw new InvalidDataException($"the copy has {copied} documents in {name}, the database {count}");
                }
            }
        }

        return new FileInfo(partial).Length;
    }

    private sealed record Pinned(int SchemaVersion, IReadOnlyDictionary<string, long> Collections, TimeSpan WritersHeld);
}
