using System.Text.Json.Serialization;

namespace BackendPrep.Discord.Models;

[Flags]
public enum MessageFlags
{
    None = 0,
    SuppressEmbeds = 1 << 2,
    Ephemeral = 1 << 6,
    SuppressNotifications = 1 << 12,
}

/// <summary>
/// What to send as a message, an interaction reply, a follow-up or an edit. Mentions default to none at all so
/// user-supplied text can never ping anyone (Discord's own default for interactions parses user mentions).
/// </summary>
public sealed record MessagePayload
{
    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
    public MessageFlags? Flags { get; init; }
    public AllowedMentions? AllowedMentions { get; init; } = AllowedMentions.None;

    /// <summary>Filled in from <see cref="Files"/> when sending; set it yourself only to keep earlier uploads on an edit.</summary>
    public IReadOnlyList<AttachmentReference>? Attachments { get; init; }

    /// <summary>Files to upload as multipart parts <c>files[n]</c>; never serialised into JSON.</summary>
    [JsonIgnore]
    public IReadOnlyList<FileUpload>? Files { get; init; }

    public static MessagePayload Text(string content, bool ephemeral = false) =>
        new() { Content = content, Flags = ephemeral ? MessageFlags.Ephemeral : null };

    public MessagePayload AsEphemeral() => this with { Flags = (Flags ?? MessageFlags.None) | MessageFlags.Ephemeral };

    [JsonIgnore]
    public bool IsEphemeral => Flags is { } f && (f & MessageFlags.Ephemeral) != 0;
}

public sealed record AllowedMentions
{
    public IReadOnlyList<string>? Parse { get; init; }
    public IReadOnlyList<ulong>? Users { get; init; }
    public IReadOnlyList<ulong>? Roles { get; init; }
    public bool? RepliedUser { get; init; }

    /// <summary><c>{"parse":[]}</c>: nothing in the text pings anyone.</summary>
    public static AllowedMentions None { get; } = new() { Parse = [] };
}

/// <summary>An attachment entry in the JSON: <c>id</c> is the <c>n</c> of the <c>files[n]</c> part.</summary>
public sealed record AttachmentReference
{
    [JsonConverter(typeof(SnowflakeConverter))]
    public ulong Id { get; init; }
    public string? Filename { get; init; }
    public string? Description { get; init; }
}

/// <summary>A file to upload with a message (e.g. a PNG chart).</summary>
public sealed record FileUpload(string FileName, ReadOnlyMemory<byte> Content, string ContentType = "application/octet-stream", string? Description = null)
{
    public static FileUpload Png(string fileName, ReadOnlyMemory<byte> bytes, string? description = null) =>
        new(fileName, bytes, "image/png", description);
}

public sealed record Embed
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Url { get; init; }
    public int? Color { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public EmbedFooter? Footer { get; init; }
    public EmbedAuthor? Author { get; init; }
    public EmbedMedia? Image { get; init; }
    public EmbedMedia? Thumbnail { get; init; }
    public IReadOnlyList<EmbedField>? Fields { get; init; }
}

public sealed record EmbedField(string Name, string Value, bool? Inline = null);

public sealed record EmbedFooter(string Text, string? IconUrl = null);

public sealed record EmbedAuthor(string Name, string? Url = null, string? IconUrl = null);

/// <summary>An image or thumbnail; <c>attachment://name.png</c> points at an uploaded file.</summary>
public sealed record EmbedMedia(string Url);
