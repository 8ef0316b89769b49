namespace BackendPrep.Bot.Interactions;

public enum InvocationKind
{
    Command,
    Component,
    Form,
    Autocomplete,
}

/// <summary>
/// One user action as every transport delivers it: a slash command, a button or select press, a submitted form,
/// or an autocomplete keystroke. Discord and the console both build these; handlers see nothing else.
/// </summary>
public sealed record Invocation
{
    public required InvocationKind Kind { get; init; }
    public required string Id { get; init; }
    public required Member User { get; init; }
    public string? GuildId { get; init; }
    public string? ChannelId { get; init; }

    /// <summary>Command path: "topic", or "study stop" for a subcommand.</summary>
    public string Command { get; init; } = "";
    public IReadOnlyDictionary<string, string> Options { get; init; } = Empty;

    /// <summary>The route string of a pressed control or submitted form.</summary>
    public string? Action { get; init; }
    public IReadOnlyList<string> Selected { get; init; } = [];
    public IReadOnlyDictionary<string, string> Fields { get; init; } = Empty;

    /// <summary>For autocomplete: the option being typed and what has been typed so far.</summary>
    public string? FocusedOption { get; init; }
    public string FocusedValue { get; init; } = "";

    public string? Option(string name) => Options.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    public bool Flag(string name) => Option(name) is { } v && (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v is "1" or "yes" or "on");

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();
}

/// <summary>The person acting. <see cref="Permissions"/> is the member's permission bit set in the guild, if any.</summary>
public sealed record Member(string Id, string Name, ulong Permissions = 0)
{
    /// <summary>Discord's MANAGE_GUILD bit (1 &lt;&lt; 5).</summary>
    public const ulong ManageGuild = 1UL << 5;

    /// <summary>Discord's ADMINISTRATOR bit (1 &lt;&lt; 3), which implies every other permission.</summary>
    public const ulong Administrator = 1UL << 3;

    public bool Has(ulong permission) => (Permissions & Administrator) != 0 || (Permissions & permission) == permission;
}
