using LiteDB;

namespace BackendPrep.Storage;

/// <summary>
/// The one LiteDB database of the process, opened once. LiteDB's direct connection is thread-safe, so every repository
/// shares this instance; disposing it checkpoints and closes the file.
/// </summary>
public sealed class LiteDbStore : IDisposable
{
    /// <summary>Bump when a change needs data rewritten, and add the step to <see cref="SchemaMigrations"/>.</summary>
    public const int SchemaVersion = 1;

    public LiteDbStore(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        Database = new LiteDatabase(new ConnectionString { Filename = full, Connection = ConnectionType.Direct });
        FilePath = full;
        SchemaMigrations.Apply(Database);
    }

    public LiteDatabase Database { get; }

    public string FilePath { get; }

    public int StoredSchemaVersion => Database.UserVersion;

    public void Dispose()
    {
        Database.Checkpoint();
        Database.Dispose();
    }
}
