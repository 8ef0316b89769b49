namespace BackendPrep.Core.Replies;

public enum ControlStyle
{
    Primary,
    Secondary,
    Success,
    Danger,
}

/// <summary>A row of controls under a reply: up to five buttons, or one select menu.</summary>
public sealed record ControlRow(IReadOnlyList<Control> Controls)
{
    public static ControlRow Of(params Control[] controls) => new(controls);
}

/// <summary>Something a user can press or pick. <see cref="Action"/> is the opaque route the press comes back on.</summary>
public abstract record Control(string Action);

public sealed record Button(string Label, string Action, ControlStyle Style = ControlStyle.Secondary, bool Disabled = false) : Control(Action);

public sealed record Select(string Action, string Placeholder, IReadOnlyList<SelectChoice> Choices) : Control(Action);

public sealed record SelectChoice(string Label, string Value, string? Description = null);
