namespace BackendPrep.Storage.Tests;

/// <summary>A LiteDB file of its own for one test, deleted afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bp-store-{Guid.NewGuid():N}.db");

    public LiteDbStore Open(int checkpointPages = LiteDbStore.DefaultCheckpointPages) => new(Path, checkpointPages);

    public long LogLength => File.Exists(LogPath) ? new FileInfo(LogPath).Length : 0;

    private string LogPath => System.IO.Path.ChangeExtension(Path, null) + "-log.db";

    public void Dispose()
    {
        File.Delete(Path);
        File.Delete(LogPath);
    }
}
