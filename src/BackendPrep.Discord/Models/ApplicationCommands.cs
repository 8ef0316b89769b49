using System.Text.Json.Serialization;

namespace BackendPrep.Discord.Models;

/// <summary>
/// A command as sent in a bulk overwrite. <c>default_member_permissions</c> is a decimal string per the docs;
/// <c>dm_permission</c> is always false (deprecated in favour of <c>contexts</c>, but explicit is safer).
/// </summary>
public sealed record ApplicationCommandDefinition
{
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public ApplicationCommandType Type { get; init; } = ApplicationCommandType.ChatInput;
    public IReadOnlyList<ApplicationCommandOptionDefinition>? Options { get; init; }
    public string? DefaultMemberPermissions { get; init; }
    public IReadOnlyList<InteractionContextType>? Contexts { get; init; }
    public IReadOnlyList<int>? IntegrationTypes { get; init; }
    public bool? DmPermission { get; init; } = false;
    public bool? Nsfw { get; init; }

    /// <summary>Restrict to members with these permissions (admins and overrides still apply).</summary>
    public ApplicationCommandDefinition RequirePermissions(DiscordPermissions permissions) =>
        this with { DefaultMemberPermissions = ((ulong)permissions).ToString(System.Globalization.CultureInfo.InvariantCulture) };
}

public sealed record ApplicationCommandOptionDefinition
{
    public ApplicationCommandOptionType Type { get; init; }
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public bool? Required { get; init; }
    public IReadOnlyList<CommandChoice>? Choices { get; init; }
    public bool? Autocomplete { get; init; }
    public IReadOnlyList<ApplicationCommandOptionDefinition>? Options { get; init; }
    public double? MinValue { get; init; }
    public double? MaxValue { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public IReadOnlyList<int>? ChannelTypes { get; init; }
}

/// <summary>A registered command as Discord returns it.</summary>
public sealed record ApplicationCommand
{
    public ulong Id { get; init; }
    public ulong ApplicationId { get; init; }
    public ulong? GuildId { get; init; }
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public ApplicationCommandType? Type { get; init; }
    public ulong Version { get; init; }

    [JsonConverter(typeof(PermissionsConverter))]
    public DiscordPermissions? DefaultMemberPermissions { get; init; }
}
