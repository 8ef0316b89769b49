namespace BackendPrep.Storage.Backup;

/// <summary>
/// A verified copy of the database: where it is, how big, and what it holds, as read back from the copy itself.
/// <see cref="WritersHeld"/> is how long store operations waited for it (the gate's hold, checkpoint included).
/// </summary>
public sealed record BackupCopy(
    string Path,
    long Bytes,
    int SchemaVersion,
    IReadOnlyDictionary<string, long> Collections,
    TimeSpan WritersHeld,
    TimeSpan Duration)
{
    public long Documents => Collections.Values.Sum();
}

/// <summary>A backup taken into a directory, and the older copies rotation removed to keep the configured number.</summary>
public sealed record BackupReport(BackupCopy Copy, IReadOnlyList<string> Removed);

/// <summary>A backup that did not produce a copy; nothing partial is left behind. The message says where and why.</summary>
public sealed class BackupFailedException(string message, Exception? inner = null) : Exception(message, inner);
