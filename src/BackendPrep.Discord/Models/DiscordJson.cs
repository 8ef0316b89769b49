using System.Text.Json;

namespace BackendPrep.Discord.Models;

/// <summary>Entry points to the source-generated serialiser, for parsing interactions and building fixtures.</summary>
public static class DiscordJson
{
    /// <summary>Parses the <c>d</c> of an INTERACTION_CREATE (or an HTTP interaction body).</summary>
    public static Interaction ParseInteraction(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, DiscordJsonContext.Default.Interaction)
        ?? throw new JsonException("Interaction payload was null.");

    public static string Serialize(MessagePayload message) => JsonSerializer.Serialize(message, DiscordJsonContext.Default.MessagePayload);

    public static string Serialize(IReadOnlyList<ApplicationCommandDefinition> commands) =>
        JsonSerializer.Serialize(commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommandDefinition);

    public static string Serialize(Interaction interaction) => JsonSerializer.Serialize(interaction, DiscordJsonContext.Default.Interaction);
}
