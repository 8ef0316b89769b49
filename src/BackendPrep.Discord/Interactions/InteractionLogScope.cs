using System.Collections;
using BackendPrep.Discord.Models;
using Microsoft.Extensions.Logging;

namespace BackendPrep.Discord.Interactions;

/// <summary>
/// The log scope of one interaction: every line written while it is handled (handler, responder, errors) carries its
/// id, guild, command and a hash of the user id. Never the token (a credential for 15 minutes) and never a raw user id.
/// </summary>
public sealed class InteractionLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _fields;

    private InteractionLogScope(Interaction interaction) =>
        _fields =
        [
            new("InteractionId", interaction.Id),
            new("GuildId", interaction.GuildId),
            new("UserHash", UserHash(interaction.InvokingUserId)),
            new("Command", CommandName(interaction)),
        ];

    public int Count => _fields.Length;

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    public static IDisposable? Begin(ILogger log, Interaction interaction) => log.BeginScope(new InteractionLogScope(interaction));

    /// <summary>A stable pseudonym, so one user's lines can be followed without logs becoming a directory of user ids.</summary>
    public static string UserHash(ulong userId) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(userId)))[..12].ToLowerInvariant();

    /// <summary>
    /// A command's name, or a custom id's leading name only (up to the first character outside letters, digits, '.',
    /// '_' and '-'): the rest of a custom id is the application's state and may name users.
    /// </summary>
    internal static string? CommandName(Interaction interaction)
    {
        if (interaction.Data?.Name is { } name)
            return name;
        if (interaction.Data?.CustomId is not { } customId)
            return null;
        var end = 0;
        while (end < customId.Length && (char.IsAsciiLetterOrDigit(customId[end]) || customId[end] is '.' or '_' or '-'))
            end++;
        return customId[..end];
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"interaction {_fields[0].Value} {_fields[3].Value}";
}
