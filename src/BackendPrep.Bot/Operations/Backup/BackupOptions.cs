using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Operations.Backup;

/// <summary>
/// <c>Storage:Backup:*</c> — online copies of the LiteDB file. Off unless <see cref="Directory"/> is set; with it,
/// <c>POST /backup</c> on the ops port takes one on demand, and <see cref="Interval"/> adds a schedule.
/// </summary>
public sealed class BackupOptions
{
    public const string Section = "Storage:Backup";

    public static readonly TimeSpan MinInterval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxInterval = TimeSpan.FromDays(7);
    public const int MaxKeep = 1000;

    /// <summary>Folder for the copies; created on first use. Null (the default) means no backups.</summary>
    public string? Directory { get; set; }

    /// <summary>Take a copy this often (the first at start when the newest is older); null: on demand only.</summary>
    public TimeSpan? Interval { get; set; }

    /// <summary>How many copies rotation keeps, newest first.</summary>
    public int Keep { get; set; } = 7;

    public bool Enabled => !string.IsNullOrWhiteSpace(Directory);

    public bool Scheduled => Enabled && Interval is not null;
}

internal sealed class BackupOptionsValidator : IValidateOptions<BackupOptions>
{
    public ValidateOptionsResult Validate(string? name, BackupOptions options)
    {
        var failures = new List<string>();
        if (options.Keep is < 1 or > BackupOptions.MaxKeep)
            failures.Add($"Storage:Backup:Keep must be between 1 and {BackupOptions.MaxKeep}, not {options.Keep}.");
        if (options.Interval is { } interval && (interval < BackupOptions.MinInterval || interval > BackupOptions.MaxInterval))
            failures.Add($"Storage:Backup:Interval must be between {BackupOptions.MinInterval} and {BackupOptions.MaxInterval}, not {interval}.");
        if (options.Interval is not null && !options.Enabled)
            failures.Add("Storage:Backup:Directory must be set when Storage:Backup:Interval is.");
        if (options.Enabled && DirectoryProblem(options.Directory!) is { } problem)
            failures.Add($"Storage:Backup:Directory {problem}: '{options.Directory}'.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? DirectoryProblem(string directory)
    {
        try
        {
            return File.Exists(Path.GetFullPath(directory)) ? "names a file, not a directory" : null;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return "is not a valid path";
        }
    }
}
