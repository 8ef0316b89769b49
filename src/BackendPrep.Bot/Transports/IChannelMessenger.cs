using BackendPrep.Core.Replies;

namespace BackendPrep.Bot.Transports;

/// <summary>Where a message the bot sends on its own (a timer, a reminder) goes: a channel, or a user's direct messages.</summary>
public sealed record Destination(string? ChannelId, string? DirectToUserId = null, string? MentionUserId = null, string? MentionRoleId = null)
{
    public static Destination Channel(string channelId, string? mentionUserId = null, string? mentionRoleId = null) =>
        new(channelId, null, mentionUserId, mentionRoleId);

    public static Destination Direct(string userId) => new(null, userId);
}

/// <summary>A message the bot posted, so it can be edited later (a live tally, a finished reminder).</summary>
public sealed record PostedMessage(string ChannelId, string MessageId);

/// <summary>Why a message could not be delivered; callers decide whether to retry, disable or tell an admin.</summary>
public enum DeliveryFailure
{
    /// <summary>The bot lacks permission in that channel (Discord 50013/50001).</summary>
    MissingPermissions,

    /// <summary>The channel no longer exists (Discord 10003).</summary>
    UnknownChannel,

    /// <summary>The user does not accept direct messages from the bot (Discord 50007).</summary>
    CannotMessageUser,

    /// <summary>A network error or 5xx: worth trying again later.</summary>
    Transient,
}

public sealed class DeliveryException(DeliveryFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public DeliveryFailure Failure { get; } = failure;
}

/// <summary>
/// Sends messages that are not answers to an interaction. Discord posts through REST; the console prints between
/// commands. Mentions in <see cref="Destination"/> are the only ones allowed to ping.
/// </summary>
public interface IChannelMessenger
{
    /// <summary>Posts a message; throws <see cref="DeliveryException"/> when it cannot be delivered.</summary>
    Task<PostedMessage> PostAsync(Destination destination, Reply reply, CancellationToken cancellationToken);

    /// <summary>Replaces the content of a message the bot posted earlier.</summary>
    Task EditAsync(PostedMessage message, Reply reply, CancellationToken cancellationToken);
}
