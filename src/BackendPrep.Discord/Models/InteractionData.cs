using System.Globalization;
using System.Text.Json;

namespace BackendPrep.Discord.Models;

public enum ApplicationCommandType
{
    ChatInput = 1,
    User = 2,
    Message = 3,
    PrimaryEntryPoint = 4,
}

public enum ApplicationCommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
    String = 3,
    Integer = 4,
    Boolean = 5,
    User = 6,
    Channel = 7,
    Role = 8,
    Mentionable = 9,
    Number = 10,
    Attachment = 11,
}

public enum ComponentType
{
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,
    TextInput = 4,
    UserSelect = 5,
    RoleSelect = 6,
    MentionableSelect = 7,
    ChannelSelect = 8,
    TextDisplay = 10,
    Label = 18,
}

/// <summary>
/// The <c>data</c> of an interaction. One record for all three shapes (command, component, modal submit) because
/// their field names do not collide; which fields are set depends on <see cref="Interaction.Type"/>.
/// </summary>
public sealed record InteractionData
{
    // APPLICATION_COMMAND / AUTOCOMPLETE
    public ulong? Id { get; init; }
    public string? Name { get; init; }
    public ApplicationCommandType? Type { get; init; }
    public IReadOnlyList<InteractionOption>? Options { get; init; }
    public ulong? TargetId { get; init; }
    public ResolvedData? Resolved { get; init; }

    // MESSAGE_COMPONENT and MODAL_SUBMIT
    public string? CustomId { get; init; }
    public ComponentType? ComponentType { get; init; }
    public IReadOnlyList<string>? Values { get; init; }

    // MODAL_SUBMIT
    public IReadOnlyList<SubmittedComponent>? Components { get; init; }

    /// <summary>The subcommand group and subcommand path plus the options that carry values, flattened.</summary>
    public CommandPath GetCommandPath()
    {
        string? group = null, sub = null;
        var options = Options ?? [];
        if (options is [{ Type: ApplicationCommandOptionType.SubCommandGroup } g])
        {
            group = g.Name;
            options = g.Options ?? [];
        }
        if (options is [{ Type: ApplicationCommandOptionType.SubCommand } s])
        {
            sub = s.Name;
            options = s.Options ?? [];
        }
        return new CommandPath(Name ?? "", group, sub, options);
    }

    /// <summary>The option the user is typing into (autocomplete), searched through subcommands.</summary>
    public InteractionOption? FocusedOption => FindFocused(Options);

    private static InteractionOption? FindFocused(IReadOnlyList<InteractionOption>? options)
    {
        if (options is null)
            return null;
        foreach (var option in options)
        {
            if (option.Focused == true)
                return option;
            if (FindFocused(option.Options) is { } nested)
                return nested;
        }
        return null;
    }

    /// <summary>
    /// Submitted modal values by custom_id, reading both the Label-wrapped shape (type 18 with <c>component</c>) and
    /// the legacy action-row shape (type 1 with <c>components</c>).
    /// </summary>
    public IReadOnlyDictionary<string, SubmittedComponent> GetSubmittedFields()
    {
        var result = new Dictionary<string, SubmittedComponent>(StringComparer.Ordinal);
        Collect(Components, result);
        return result;
    }

    /// <summary>The text typed into the modal input with this custom_id, or null when absent.</summary>
    public string? GetSubmittedValue(string customId) =>
        GetSubmittedFields().TryGetValue(customId, out var c) ? c.Value ?? (c.Values is { Count: > 0 } v ? v[0] : null) : null;

    private static void Collect(IReadOnlyList<SubmittedComponent>? components, Dictionary<string, SubmittedComponent> into)
    {
        if (components is null)
            return;
        foreach (var c in components)
        {
            if (c.CustomId is { } id && c.Type != Models.ComponentType.ActionRow && c.Type != Models.ComponentType.Label)
                into[id] = c;
            if (c.Component is { } child)
                Collect([child], into);
            Collect(c.Components, into);
        }
    }
}

/// <summary>Where in a command tree the user is, and the value-carrying options at that level.</summary>
public sealed record CommandPath(string Command, string? Group, string? SubCommand, IReadOnlyList<InteractionOption> Options)
{
    public InteractionOption? Find(string name) => Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));

    public string? GetString(string name) => Find(name)?.AsString();
    public long? GetInteger(string name) => Find(name)?.AsInteger();
    public double? GetNumber(string name) => Find(name)?.AsNumber();
    public bool? GetBoolean(string name) => Find(name)?.AsBoolean();
    public ulong? GetUserId(string name) => Find(name)?.AsSnowflake();
    public ulong? GetChannelId(string name) => Find(name)?.AsSnowflake();
    public ulong? GetRoleId(string name) => Find(name)?.AsSnowflake();
}

public sealed record InteractionOption
{
    public string Name { get; init; } = "";
    public ApplicationCommandOptionType Type { get; init; }

    /// <summary>string, integer, double or boolean; snowflake strings for user/channel/role options.</summary>
    public JsonElement? Value { get; init; }
    public IReadOnlyList<InteractionOption>? Options { get; init; }
    public bool? Focused { get; init; }

    public string? AsString() => Value switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => null,
    };

    /// <summary>Integer value; autocomplete sends partial integers as strings, so those are parsed too.</summary>
    public long? AsInteger() => Value switch
    {
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var l) => l,
        { ValueKind: JsonValueKind.String } v when long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        _ => null,
    };

    public double? AsNumber() => Value switch
    {
        { ValueKind: JsonValueKind.Number } v => v.GetDouble(),
        { ValueKind: JsonValueKind.String } v when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public bool? AsBoolean() => Value switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    public ulong? AsSnowflake() => Value switch
    {
        { ValueKind: JsonValueKind.String } v when ulong.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) => id,
        { ValueKind: JsonValueKind.Number } v when v.TryGetUInt64(out var id) => id,
        _ => null,
    };
}

/// <summary>A component as it comes back in a modal submit (Label, action row, text input, select).</summary>
public sealed record SubmittedComponent
{
    public ComponentType Type { get; init; }
    public int? Id { get; init; }
    public string? CustomId { get; init; }
    public string? Value { get; init; }
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>Label (type 18) child.</summary>
    public SubmittedComponent? Component { get; init; }

    /// <summary>Legacy action-row (type 1) children.</summary>
    public IReadOnlyList<SubmittedComponent>? Components { get; init; }
}

public sealed record ResolvedData
{
    public IReadOnlyDictionary<string, User>? Users { get; init; }
    public IReadOnlyDictionary<string, GuildMember>? Members { get; init; }
    public IReadOnlyDictionary<string, ResolvedRole>? Roles { get; init; }
    public IReadOnlyDictionary<string, Channel>? Channels { get; init; }
}

public sealed record ResolvedRole
{
    public ulong Id { get; init; }
    public string Name { get; init; } = "";
}
