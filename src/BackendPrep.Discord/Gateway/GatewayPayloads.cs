using System.Text.Json.Serialization;

namespace BackendPrep.Discord.Gateway;

/// <summary>What we send: <c>{"op":n,"d":…}</c>. One record per opcode keeps each payload's shape explicit.</summary>
internal sealed record IdentifyFrame(int Op, IdentifyData D);

internal sealed record IdentifyData(string Token, int Intents, IdentifyProperties Properties)
{
    public int[]? Shard { get; init; }
}

public sealed record IdentifyProperties(string Os, string Browser, string Device)
{
    public static IdentifyProperties Default { get; } = new(Environment.OSVersion.Platform.ToString().ToLowerInvariant(), "backendprep", "backendprep");
}

internal sealed record ResumeFrame(int Op, ResumeData D);

internal sealed record ResumeData(string Token, string SessionId, long? Seq);

internal sealed record HeartbeatFrame(int Op, long? D);

/// <summary>What we read from HELLO and READY; unknown fields are ignored.</summary>
internal sealed record HelloData(int HeartbeatInterval);

internal sealed record ReadyData(string SessionId, string ResumeGatewayUrl, ReadyUser? User, ReadyApplication? Application);

internal sealed record ReadyUser([property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] ulong Id, string? Username);

internal sealed record ReadyApplication([property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] ulong Id);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IdentifyFrame))]
[JsonSerializable(typeof(ResumeFrame))]
[JsonSerializable(typeof(HeartbeatFrame))]
[JsonSerializable(typeof(HelloData))]
[JsonSerializable(typeof(ReadyData))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
