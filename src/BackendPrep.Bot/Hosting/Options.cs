using System.ComponentModel.DataAnnotations;

namespace BackendPrep.Bot.Hosting;

/// <summary><c>Content:*</c> — where the study corpus lives.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>Folder of Markdown content; relative paths resolve against the working directory, then the install folder.</summary>
    [Required]
    public string Path { get; set; } = "content";
}

/// <summary><c>Storage:*</c> — the embedded LiteDB file.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    [Required]
    public string Path { get; set; } = "data/backendprep.db";
}

/// <summary><c>Bot:*</c> — host-wide behaviour.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>How long in-flight work may take to finish on SIGTERM before it is abandoned.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ShutdownBudget { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Serve the console chat even when a Discord token is configured.</summary>
    public bool Console { get; set; }
}
