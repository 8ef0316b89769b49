using BackendPrep.Core.Replies;

namespace BackendPrep.Bot.Interactions;

public enum OptionKind
{
    String,
    Integer,
    Boolean,
    User,
    Channel,
    Role,
    Number,
}

/// <summary>An option of a slash command, as registered with Discord and parsed by the console.</summary>
public sealed record OptionSpec(string Name, string Description, OptionKind Kind = OptionKind.String, bool Required = false)
{
    public IReadOnlyList<Choice> Choices { get; init; } = [];
    public bool Autocomplete { get; init; }
    public int? MaxLength { get; init; }
}

/// <summary>
/// A slash command (or a subcommand: <see cref="Name"/> "study stop"). <see cref="OpensForm"/> marks commands that answer
/// with a modal, which Discord only accepts as the first response, so the transport must never defer them.
/// </summary>
public sealed record CommandSpec(string Name, string Description)
{
    public IReadOnlyList<OptionSpec> Options { get; init; } = [];
    public Visibility Visibility { get; init; } = Visibility.Private;
    public bool OpensForm { get; init; }

    /// <summary>Its public output goes out as a separate channel message, so the interaction itself is answered privately.</summary>
    public bool PostsPublicly { get; init; }
    public bool GuildOnly { get; init; }

    /// <summary>Permission bits a member needs; checked on our side too, since admins can override Discord's.</summary>
    public ulong RequiredPermissions { get; init; }

    public string Root => Name.Split(' ')[0];
    public string? Sub => Name.Contains(' ', StringComparison.Ordinal) ? Name[(Name.IndexOf(' ', StringComparison.Ordinal) + 1)..] : null;
}
