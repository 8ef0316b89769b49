namespace BackendPrep.Core.Storage;

/// <summary>A user seen in a guild, under the name they last used there.</summary>
public sealed record GuildMember(string GuildId, string UserId, string Name, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long Uses);

/// <summary>
/// Who uses the bot in which guild. The bot keeps no Discord member cache, so the leaderboard and the digest learn a
/// guild's members from here: a user is recorded each time they use a progress, leaderboard or privacy command there.
/// </summary>
public interface IProfileStore
{
    /// <summary>Records one use by <paramref name="userId"/> in <paramref name="guildId"/>; safe under concurrent calls (each counts once).</summary>
    Task RecordUseAsync(string guildId, string userId, string name, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<GuildMember>> MembersAsync(string guildId, CancellationToken cancellationToken);

    Task<GuildMember?> GetAsync(string guildId, string userId, CancellationToken cancellationToken);

    /// <summary>Every guild anyone was seen in (for the weekly digest).</summary>
    Task<IReadOnlyList<string>> GuildsAsync(CancellationToken cancellationToken);

    /// <summary>Claims the weekly digest of <paramref name="guildId"/> for <paramref name="week"/>: true only for the first caller.</summary>
    Task<bool> TryClaimDigestAsync(string guildId, string week, DateTimeOffset at, CancellationToken cancellationToken);
}
