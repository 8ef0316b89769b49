using System.Reflection;

namespace BackendPrep.FakeDiscord;

/// <summary>Finds the repository root (the folder with BackendPrep.sln) and the read-only shared/ folder beside it.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    /// <summary>A file under ../shared relative to the repository root.</summary>
    public static string Shared(params string[] parts)
    {
        var path = Path.GetFullPath(Path.Combine([Root, "..", "shared", .. parts]));
        return File.Exists(path) ? path : throw new FileNotFoundException("Shared reference file not found", path);
    }

    private static string FindRoot()
    {
        var source = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SourceDirectory")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, source })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "BackendPrep.sln")))
                    return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("BackendPrep.sln not found above the test binaries, the working directory or the sources.");
    }
}
