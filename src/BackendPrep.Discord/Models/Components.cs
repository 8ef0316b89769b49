using System.Text.Json.Serialization;

namespace BackendPrep.Discord.Models;

public enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
    Link = 5,
}

public enum TextInputStyle
{
    Short = 1,
    Paragraph = 2,
}

/// <summary>
/// An outgoing component. One flat record (null fields are omitted on the wire) built through the factory methods,
/// which only set the fields each component type allows.
/// </summary>
public sealed record Component
{
    public ComponentType Type { get; init; }
    public int? Id { get; init; }
    public string? CustomId { get; init; }
    /// <summary>Button style or text input style, by component type.</summary>
    public int? Style { get; init; }
    public string? Label { get; init; }
    public string? Url { get; init; }
    public bool? Disabled { get; init; }
    public string? Placeholder { get; init; }
    public int? MinValues { get; init; }
    public int? MaxValues { get; init; }
    public IReadOnlyList<SelectOption>? Options { get; init; }
    public bool? Required { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public string? Value { get; init; }
    public string? Description { get; init; }
    public string? Content { get; init; }

    /// <summary>Action row children.</summary>
    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>Label child (modals).</summary>
    [JsonPropertyName("component")]
    public Component? Child { get; init; }

    public static Component ActionRow(params IReadOnlyList<Component> children) =>
        new() { Type = ComponentType.ActionRow, Components = children };

    public static Component Button(string customId, string label, ButtonStyle style = ButtonStyle.Secondary, bool disabled = false) =>
        new() { Type = ComponentType.Button, CustomId = customId, Label = label, Style = (int)style, Disabled = disabled ? true : null };

    public static Component LinkButton(string url, string label) =>
        new() { Type = ComponentType.Button, Url = url, Label = label, Style = (int)ButtonStyle.Link };

    public static Component StringSelect(string customId, IReadOnlyList<SelectOption> options, string? placeholder = null, int? minValues = null, int? maxValues = null) =>
        new() { Type = ComponentType.StringSelect, CustomId = customId, Options = options, Placeholder = placeholder, MinValues = minValues, MaxValues = maxValues };

    /// <summary>A text input for a modal; wrap it in <see cref="LabelFor"/> (the current, non-deprecated form).</summary>
    public static Component TextInput(string customId, TextInputStyle style, bool required = true, int? minLength = null, int? maxLength = null, string? placeholder = null, string? value = null) =>
        new()
        {
            Type = ComponentType.TextInput,
            CustomId = customId,
            Style = (int)style,
            Required = required,
            MinLength = minLength,
            MaxLength = maxLength,
            Placeholder = placeholder,
            Value = value,
        };

    /// <summary>A modal Label (type 18) wrapping one input.</summary>
    public static Component LabelFor(string label, Component child, string? description = null) =>
        new() { Type = ComponentType.Label, Label = label, Description = description, Child = child };

    public static Component TextDisplay(string content) => new() { Type = ComponentType.TextDisplay, Content = content };
}

public sealed record SelectOption(string Label, string Value, string? Description = null, bool? Default = null);
