using System.Text.Json.Serialization;

namespace BackendPrep.Discord.Models;

public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}

public enum InteractionContextType
{
    Guild = 0,
    BotDm = 1,
    PrivateChannel = 2,
}

public sealed record User
{
    public ulong Id { get; init; }
    public string Username { get; init; } = "";
    public string? GlobalName { get; init; }
    public string? Discriminator { get; init; }
    public string? Avatar { get; init; }
    public bool? Bot { get; init; }

    /// <summary>What to call the user in text: the display name if set, else the username.</summary>
    [JsonIgnore]
    public string DisplayName => string.IsNullOrEmpty(GlobalName) ? Username : GlobalName;
}

public sealed record GuildMember
{
    public User? User { get; init; }
    public string? Nick { get; init; }
    public IReadOnlyList<ulong>? Roles { get; init; }

    /// <summary>Total permissions of the member in the channel, sent with interactions.</summary>
    [JsonConverter(typeof(PermissionsConverter))]
    public DiscordPermissions? Permissions { get; init; }
}

/// <summary>
/// An incoming interaction (INTERACTION_CREATE). Fields not listed are ignored; enum values Discord adds later
/// are kept as their numbers.
/// </summary>
public sealed record Interaction
{
    public ulong Id { get; init; }
    public ulong ApplicationId { get; init; }
    public InteractionType Type { get; init; }
    public InteractionData? Data { get; init; }
    public ulong? GuildId { get; init; }
    public ulong? ChannelId { get; init; }
    public GuildMember? Member { get; init; }
    public User? User { get; init; }
    public string Token { get; init; } = "";
    public int Version { get; init; }
    public string? Locale { get; init; }
    public string? GuildLocale { get; init; }
    public InteractionContextType? Context { get; init; }

    [JsonConverter(typeof(PermissionsConverter))]
    public DiscordPermissions? AppPermissions { get; init; }

    /// <summary>The message a component was on (only its id is kept).</summary>
    public MessageReference? Message { get; init; }

    /// <summary>The user who invoked it: <c>member.user</c> in a guild, <c>user</c> in a DM.</summary>
    [JsonIgnore]
    public User? InvokingUser => Member?.User ?? User;

    [JsonIgnore]
    public ulong InvokingUserId => InvokingUser?.Id ?? 0;

    [JsonIgnore]
    public bool IsInGuild => GuildId is not null;

    /// <summary>The member's permissions in guilds; in DMs no guild permissions apply, so None.</summary>
    [JsonIgnore]
    public DiscordPermissions MemberPermissions => Member?.Permissions ?? DiscordPermissions.None;

    /// <summary>Command name, subcommand group/subcommand and the options at that level (empty for non-commands).</summary>
    public CommandPath GetCommandPath() => Data?.GetCommandPath() ?? new CommandPath("", null, null, []);

    /// <summary>True if the member has every one of <paramref name="required"/> (Administrator implies all).</summary>
    public bool MemberHas(DiscordPermissions required) =>
        (MemberPermissions & DiscordPermissions.Administrator) != 0 || (MemberPermissions & required) == required;

    /// <summary>Never print the token: it lets anyone answer as the bot for 15 minutes.</summary>
    public override string ToString() => $"Interaction {{ Id = {Id}, Type = {Type}, Name = {Data?.Name ?? Data?.CustomId} }}";
}

public sealed record MessageReference
{
    public ulong Id { get; init; }
    public ulong? ChannelId { get; init; }
}
