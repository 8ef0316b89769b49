using System.Globalization;
using System.Text.RegularExpressions;

namespace BackendPrep.Storage.Backup;

/// <summary>A copy in the backup directory, with the time in its name.</summary>
public sealed record BackupFile(string Path, DateTimeOffset TakenAt);

/// <summary>
/// The folder backups go to. Copies are named <c>{prefix}-{yyyyMMddTHHmmssfff}Z.db</c> (UTC), so they sort by name
/// and by time alike; rotation only ever touches files of exactly that shape, never anything else in the folder.
/// </summary>
public sealed partial class BackupDirectory
{
    private const string Stamp = "yyyyMMdd'T'HHmmssfff'Z'";

    private readonly Regex _copyName;

    public BackupDirectory(string path, string prefix, int keep)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        if (!SafePrefix().IsMatch(prefix))
        {
            throw new ArgumentException($"a backup prefix is letters, digits, '-' and '_', not '{prefix}'", nameof(prefix));
        }

        FullPath = Path.GetFullPath(path);
        Prefix = prefix;
        Keep = keep;
        _copyName = new Regex($"^{Regex.Escape(prefix)}-(\\d{{8}}T\\d{{9}}Z)\\.db$", RegexOptions.CultureInvariant);
    }

    public string FullPath { get; }

    public string Prefix { get; }

    public int Keep { get; }

    public string PathFor(DateTimeOffset at) => Path.Combine(FullPath, $"{Prefix}-{at.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture)}.db");

    /// <summary>Every copy in the folder, newest first.</summary>
    public IReadOnlyList<BackupFile> Copies()
    {
        if (!Directory.Exists(FullPath))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(FullPath)
            .Select(file => (file, match: _copyName.Match(Path.GetFileName(file))))
            .Where(f => f.match.Success)
            .Select(f => new BackupFile(f.file, DateTimeOffset.ParseExact(f.match.Groups[1].Value, Stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)))
            .OrderByDescending(f => f.TakenAt)];
    }

    /// <summary>Deletes all but the newest <see cref="Keep"/> copies; returns the deleted paths.</summary>
    public IReadOnlyList<string> Prune()
    {
        var removed = new List<string>();
        foreach (var old in Copies().Skip(Keep))
        {
            File.Delete(old.Path);
            removed.Add(old.Path);
        }

        return removed;
    }

    /// <summary>Removes <c>*.partial</c> files a killed process left behind (the live run deletes its own).</summary>
    public void RemoveLeftovers()
    {
        if (!Directory.Exists(FullPath))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(FullPath, $"{Prefix}-*.db.partial"))
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SafePrefix();
}
