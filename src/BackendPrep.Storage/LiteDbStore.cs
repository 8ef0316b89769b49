using LiteDB;

namespace BackendPrep.Storage;

/// <summary>
/// The one LiteDB database of the process, opened once. LiteDB's direct connection is thread-safe, so every repository
/// shares this instance; disposing it checkpoints and closes the file.
/// </summary>
public sealed class LiteDbStore : IDisposable
{
    /// <summary>Bump when a change needs data rewritten, and add the step to <see cref="SchemaMigrations"/>.</summary>
    public const int SchemaVersion = 3;

    /// <summary>Checkpoint every 250 log pages instead of LiteDB's 1,000: each stall is a quarter as long (see StorageOptions).</summary>
    public const int DefaultCheckpointPages = 250;

    /// <summary>
    /// LiteDB's own checkpoint, inside the commit of whichever write crosses it, waits until the log is this many times
    /// the configured size: <see cref="CheckpointIfDue"/> is meant to have done it first, between operations.
    /// </summary>
    public const int InlineCheckpointFactor = 4;

    private const int PageBytes = 8192;
    private readonly int _checkpointPages;
    private long _startedAtLastLook = -1;

    public LiteDbStore(string path, int checkpointPages = DefaultCheckpointPages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(checkpointPages, 1);
        WarmMappings();
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        Database = new LiteDatabase(new ConnectionString { Filename = full, Connection = ConnectionType.Direct });
        // LiteDB keeps this pragma in the file's header; set on every open, so the configured value wins. It is only the
        // backstop (a process that never calls CheckpointIfDue, or a store never idle): see InlineCheckpointFactor.
        Database.CheckpointSize = checkpointPages * InlineCheckpointFactor;
        _checkpointPages = checkpointPages;
        FilePath = full;
        LogPath = Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + "-log" + Path.GetExtension(full));
        SchemaMigrations.Apply(Database);
    }

    public LiteDatabase Database { get; }

    public string FilePath { get; }

    /// <summary>LiteDB's write-ahead log beside the file ("name-log.db"): commits append to it, a checkpoint empties it.</summary>
    public string LogPath { get; }

    public int StoredSchemaVersion => Database.UserVersion;

    /// <summary>The gate every store operation passes; a backup holds it while it checkpoints and pins its snapshot.</summary>
    public StoreGate Gate { get; } = new();

    /// <summary>
    /// A cheap end-to-end write for health checks: one tiny upsert into its own collection, which goes through the same
    /// WAL and file as every real write. Throws whatever LiteDB throws when the file cannot be written.
    /// </summary>
    public void ProbeWrite(DateTimeOffset at) =>
        Guarded("LiteDbStore.ProbeWrite", () => Database.GetCollection("health_probe").Upsert(new BsonDocument { ["_id"] = "probe", ["at"] = at.UtcDateTime }));

    /// <summary>
    /// Checkpoints when the log has reached the configured size and no store operation is running (or twice that size,
    /// running or not), and says whether it did. Called on a timer, this keeps the checkpoint (a copy, an fsync and a truncate under LiteDB's exclusive lock)
    /// out of the commit of an interaction's write, where LiteDB would otherwise run it. An operation that arrives
    /// meanwhile waits for it, as it would have anyway. Only operations that pass <see cref="Gate"/> count as activity;
    /// writes that bypass it (none in the bot) are left to LiteDB's in-commit backstop.
    /// </summary>
    public bool CheckpointIfDue()
    {
        // Nothing started since the last full look, so the log cannot have grown: an idle bot does not even stat the
        // file (each look allocated, and ten a second kept an idle bot's gen0, and so its RSS, growing).
        var started = Gate.Started;
        if (started == Volatile.Read(ref _startedAtLastLook))
        {
            return false;
        }

        // Busy, the loop waits for a gap until the log is twice the size, then checkpoints anyway (operations wait for
        // it, as they would for LiteDB's own): under sustained load the log, and the pages LiteDB caches for it, stay
        // bounded well below the backstop.
        var busy = Gate.InFlight > 0;
        var log = LogLength();
        var due = (long)_checkpointPages * PageBytes;
        if (!busy)
        {
            Volatile.Write(ref _startedAtLastLook, started);
        }

        if (log < due || (busy && log < 2 * due))
        {
            return false;
        }

        Guarded("LiteDbStore.Checkpoint", Database.Checkpoint);
        return true;
    }

    /// <summary>Runs one operation of the store's own through the gate and the duration metric, as the repositories' calls are.</summary>
    private void Guarded(string operation, Action action)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = "error";
        Gate.Enter(CancellationToken.None);
        try
        {
            action();
            outcome = "ok";
        }
        finally
        {
            Gate.LeaveScope();
            Gate.Exit();
            StorageMetrics.Record(operation, started, outcome);
        }
    }

    private long LogLength()
    {
        var log = new FileInfo(LogPath);
        return log.Exists ? log.Length : 0;
    }

    /// <summary>
    /// Builds LiteDB's type mappings for every document type once, up front: the shared mapper builds them lazily and
    /// two threads racing on a type's first use can see a half-built mapping ("Member UserId not found").
    /// </summary>
    private static void WarmMappings()
    {
        lock (MappingLock)
        {
            if (_mapped)
            {
                return;
            }

            foreach (var type in typeof(LiteDbStore).Assembly.GetTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Document", StringComparison.Ordinal) && t.GetConstructor(Type.EmptyTypes) is not null))
            {
                BsonMapper.Global.ToDocument(type, Activator.CreateInstance(type));
            }

            _mapped = true;
        }
    }

    private static readonly object MappingLock = new();
    private static bool _mapped;

    public void Dispose()
    {
        Database.Checkpoint();
        Database.Dispose();
    }
}
