using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace BackendPrep.FakeDiscord;

/// <summary>One part of a multipart/form-data body.</summary>
public sealed record RecordedPart(string Name, string? FileName, string? ContentType, byte[] Content)
{
    public string Text => Encoding.UTF8.GetString(Content);
}

/// <summary>
/// A request as the fake received it. <see cref="ArrivedAt"/> is a timestamp of <see cref="FakeDiscordServer.Clock"/>:
/// by default <see cref="Stopwatch.GetTimestamp"/> (the same monotonic clock as <c>TimeProvider.System</c>), so tests
/// can compare it with client-side timestamps; <see cref="SecondsAfter"/> assumes that default clock.
/// </summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Route,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    byte[] Body,
    IReadOnlyList<RecordedPart> Parts,
    long ArrivedAt,
    int ResponseStatus)
{
    /// <summary>The JSON payload: the body, or the <c>payload_json</c> part of a multipart body.</summary>
    public string? JsonText => Parts.FirstOrDefault(p => p.Name == "payload_json")?.Text
        ?? (ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true ? Encoding.UTF8.GetString(Body) : null);

    public JsonElement? Json => JsonText is { } t ? JsonDocument.Parse(t).RootElement.Clone() : null;

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    /// <summary>For callbacks: the <c>type</c> field (4 reply, 5 defer, 6 deferred update, 7 update, 8 autocomplete, 9 modal).</summary>
    public int? CallbackType => Json is { ValueKind: JsonValueKind.Object } j && j.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : null;

    /// <summary>Seconds between two arrivals on the monotonic clock.</summary>
    public double SecondsAfter(RecordedRequest earlier) => (ArrivedAt - earlier.ArrivedAt) / (double)Stopwatch.Frequency;

    public override string ToString() => $"{Method} {Path} -> {ResponseStatus}";
}
