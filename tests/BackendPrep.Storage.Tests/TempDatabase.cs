namespace BackendPrep.Storage.Tests;

/// <summary>A LiteDB file of its own for one test, deleted afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bp-store-{Guid.NewGuid():N}.db");

    public LiteDbStore Open() => new(Path);

    public void Dispose()
    {
        File.Delete(Path);
        File.Delete(System.IO.Path.ChangeExtension(Path, null) + "-log.db");
    }
}
