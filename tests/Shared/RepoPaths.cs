using System.Runtime.CompilerServices;

namespace BackendPrep.Testing;

/// <summary>Finds the repository from this source file's location, so tests work whatever the build output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Content => Path.Combine(Root, "content");

    private static string Find([CallerFilePath] string here = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(here)!, AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "BackendPrep.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("BackendPrep.sln not found above the test sources or the working directory");
    }
}
