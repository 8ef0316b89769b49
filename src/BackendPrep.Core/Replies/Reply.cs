namespace BackendPrep.Core.Replies;

/// <summary>Who sees a reply: only the person who asked, or everyone in the channel.</summary>
public enum Visibility
{
    Private,
    Public,
}

/// <summary>Whether a reply is a new message or replaces the message whose button was pressed.</summary>
public enum ReplyMode
{
    NewMessage,
    UpdateSource,
}

/// <summary>
/// A transport-neutral message: Discord maps it to content, embeds and components; the console renders it as text.
/// Keep it small: text, cards, rows of controls, an optional file.
/// </summary>
public sealed record Reply
{
    public string? Text { get; init; }
    public IReadOnlyList<ReplyCard> Cards { get; init; } = [];
    public IReadOnlyList<ControlRow> Rows { get; init; } = [];
    public Visibility Visibility { get; init; } = Visibility.Private;
    public ReplyMode Mode { get; init; } = ReplyMode.NewMessage;
    public ReplyFile? File { get; init; }

    public static Reply Say(string text) => new() { Text = text };

    public static Reply Show(ReplyCard card, params ControlRow[] rows) => new() { Cards = [card], Rows = rows };

    public Reply Publicly(bool isPublic = true) => this with { Visibility = isPublic ? Visibility.Public : Visibility.Private };

    public Reply Replacing() => this with { Mode = ReplyMode.UpdateSource };
}

/// <summary>An embed-like card. <see cref="Accent"/> is a colour hint (0xRRGGBB) a transport may ignore.</summary>
public sealed record ReplyCard(string? Title, string Body)
{
    public IReadOnlyList<ReplyField> Fields { get; init; } = [];
    public string? Footer { get; init; }
    public int? Accent { get; init; }
    public string? ImageFileName { get; init; }
}

public sealed record ReplyField(string Name, string Value, bool Inline = false);

public sealed record ReplyFile(string Name, string ContentType, ReadOnlyMemory<byte> Content);
