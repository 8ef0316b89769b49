using System.Text.Json.Serialization;

namespace BackendPrep.Discord.Models;

/// <summary>
/// Source-generated serialisation for every REST and interaction DTO: snake_case names, nulls omitted, unknown
/// fields ignored, snowflakes as strings.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(SnowflakeConverter)])]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(MessagePayload))]
[JsonSerializable(typeof(ModalPayload))]
[JsonSerializable(typeof(IReadOnlyList<CommandChoice>))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommandDefinition>))]
[JsonSerializable(typeof(List<ApplicationCommand>))]
[JsonSerializable(typeof(ApplicationCommand))]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(Channel))]
[JsonSerializable(typeof(Application))]
[JsonSerializable(typeof(GatewayBotResponse))]
[JsonSerializable(typeof(CreateDmRequest))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
