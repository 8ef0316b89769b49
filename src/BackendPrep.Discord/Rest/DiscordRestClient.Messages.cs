using BackendPrep.Discord.Models;

namespace BackendPrep.Discord.Rest;

public sealed partial class DiscordRestClient
{
    /// <summary>Edits a message the bot posted in a channel (a live tally, a finished reminder).</summary>
    public Task<Message> EditMessageAsync(ulong channelId, ulong messageId, MessagePayload message, CancellationToken cancellationToken) =>
        SendMessageAsync(new RouteInfo(HttpMethod.Patch, "/channels/{channel_id}/messages/{message_id}",
            $"/channels/{Id(channelId)}/messages/{Id(messageId)}", Id(channelId)), message, cancellationToken);
}
