using System.Text.Json;

namespace BackendPrep.Discord.Models;

public sealed record Channel
{
    public ulong Id { get; init; }
    public int Type { get; init; }
    public ulong? GuildId { get; init; }
    public string? Name { get; init; }
}

/// <summary>A message as Discord returns it (only the fields we read).</summary>
public sealed record Message
{
    public ulong Id { get; init; }
    public ulong ChannelId { get; init; }
    public string? Content { get; init; }
    public User? Author { get; init; }
    public MessageFlags? Flags { get; init; }
    public IReadOnlyList<ReceivedAttachment>? Attachments { get; init; }
}

public sealed record ReceivedAttachment
{
    public ulong Id { get; init; }
    public string Filename { get; init; } = "";
    public string? Url { get; init; }
    public int? Size { get; init; }
}

public sealed record Application
{
    public ulong Id { get; init; }
    public string Name { get; init; } = "";
    public User? Bot { get; init; }
}

internal sealed record GatewayBotResponse
{
    public string Url { get; init; } = "";
    public int Shards { get; init; }
    public SessionStartLimitResponse? SessionStartLimit { get; init; }
}

internal sealed record SessionStartLimitResponse
{
    public int Total { get; init; }
    public int Remaining { get; init; }
    public long ResetAfter { get; init; }
    public int MaxConcurrency { get; init; }
}

internal sealed record CreateDmRequest(ulong RecipientId);

/// <summary>Discord's error body: <c>{code, message, errors?}</c>, and for 429s <c>retry_after</c>/<c>global</c>.</summary>
internal sealed record ErrorResponse
{
    public int? Code { get; init; }
    public string? Message { get; init; }
    public JsonElement? Errors { get; init; }
    public double? RetryAfter { get; init; }
    public bool? Global { get; init; }
}
