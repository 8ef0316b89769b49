using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Storage;

namespace BackendPrep.Bot.Features.Progress;

/// <summary>
/// Reads a user option: Discord sends the id; typed text may be a mention (<c>&lt;@123&gt;</c>, <c>&lt;@!123&gt;</c>),
/// <c>@123</c>, or <c>@name</c> of someone seen in this server (the console has no user picker).
/// </summary>
internal static class MemberMention
{
    public static async Task<string?> ResolveAsync(string? text, string? guildId, IProfileStore profiles, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        if (value.StartsWith("<@", StringComparison.Ordinal) && value.EndsWith('>'))
        {
            value = value[2..^1].TrimStart('!');
        }

        value = value.TrimStart('@');
        if (value.Length > 0 && value.Length <= 20 && value.All(char.IsAsciiDigit))
        {
            return value;
        }

        if (guildId is not null)
        {
            var members = await profiles.MembersAsync(guildId, ct);
            var named = members.Where(m => m.Name.Equals(value, StringComparison.OrdinalIgnoreCase) || m.UserId == value).ToList();
            if (named.Count == 1)
            {
                return named[0].UserId;
            }
        }

        throw new UserFacingException("I don't know who that is. Pick a member with the user option (or `@name` of someone who used the bot here).");
    }
}
