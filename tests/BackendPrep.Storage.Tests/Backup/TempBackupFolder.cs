namespace BackendPrep.Storage.Tests.Backup;

/// <summary>A backup folder of its own for one test, deleted with everything in it afterwards.</summary>
internal sealed class TempBackupFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bp-backups-{Guid.NewGuid():N}");

    public string[] Files() => Directory.Exists(Path) ? [.. Directory.EnumerateFileSystemEntries(Path).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal)!] : [];

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
