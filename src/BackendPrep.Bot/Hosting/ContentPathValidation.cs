using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Hosting;

/// <summary>Fails start-up with the key's name when <c>Content:Path</c> does not point at a folder.</summary>
internal sealed class ContentPathValidation : IValidateOptions<ContentOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentOptions options) =>
        string.IsNullOrWhiteSpace(options.Path) ? ValidateOptionsResult.Fail("Content:Path is required")
        : ContentPaths.Resolve(options.Path) is null
            ? ValidateOptionsResult.Fail($"Content:Path: folder \"{options.Path}\" does not exist (looked in {Environment.CurrentDirectory} and {AppContext.BaseDirectory})")
            : ValidateOptionsResult.Success;
}

internal static class ContentPaths
{
    /// <summary>Resolves a content folder: as given, then relative to the install folder and its parents (for <c>dotnet run</c> and tests).</summary>
    public static string? Resolve(string path)
    {
        if (Directory.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        if (Path.IsPathRooted(path))
        {
            return null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, path);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
