using System.Globalization;
using System.Net;
using BackendPrep.Core.Replies;
using BackendPrep.Discord.Models;
using BackendPrep.Discord.Rest;

namespace BackendPrep.Bot.Transports.Discord;

/// <summary>Posts and edits messages over REST (no extra gateway work), mapping Discord's errors to delivery failures.</summary>
internal sealed class DiscordMessenger(DiscordRestClient rest) : IChannelMessenger
{
    public async Task<PostedMessage> PostAsync(Destination destination, Reply reply, CancellationToken cancellationToken)
    {
        var payload = DiscordReplies.ToPayload(reply with { Visibility = Visibility.Public }) with
        {
            // Only the people the destination names may be pinged; user text never pings anyone.
            AllowedMentions = new AllowedMentions
            {
                Parse = [],
                Users = destination.MentionUserId is { } u ? [Id(u)] : null,
                Roles = destination.MentionRoleId is { } r ? [Id(r)] : null,
            },
        };
        return await Deliver(async () =>
        {
            var channelId = destination.ChannelId is { } c
                ? Id(c)
                : (await rest.CreateDmChannelAsync(Id(destination.DirectToUserId!), cancellationToken)).Id;
            var message = await rest.CreateMessageAsync(channelId, payload, cancellationToken);
            return new PostedMessage(channelId.ToString(CultureInfo.InvariantCulture), message.Id.ToString(CultureInfo.InvariantCulture));
        });
    }

    public Task EditAsync(PostedMessage message, Reply reply, CancellationToken cancellationToken) =>
        Deliver(async () =>
        {
            var payload = DiscordReplies.ToPayload(reply with { Visibility = Visibility.Public });
            await rest.EditMessageAsync(Id(message.ChannelId), Id(message.MessageId), payload, cancellationToken);
            return message;
        });

    private static async Task<PostedMessage> Deliver(Func<Task<PostedMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (DiscordApiException ex)
        {
            var failure = ex.Code switch
            {
                DiscordErrorCodes.MissingPermissions or DiscordErrorCodes.MissingAccess => DeliveryFailure.MissingPermissions,
                DiscordErrorCodes.UnknownChannel => DeliveryFailure.UnknownChannel,
                DiscordErrorCodes.CannotMessageUser => DeliveryFailure.CannotMessageUser,
                _ when ex.Status == HttpStatusCode.Forbidden => DeliveryFailure.MissingPermissions,
                _ when ex.Status == HttpStatusCode.NotFound => DeliveryFailure.UnknownChannel,
                _ => DeliveryFailure.Transient,
            };
            throw new DeliveryException(failure, $"Discord refused the message: {ex.Message}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new DeliveryException(DeliveryFailure.Transient, "Discord could not be reached", ex);
        }
        catch (TimeoutException ex)
        {
            // The REST client's per-request deadline (slow answers, long 429 waits) is a transient failure like any other,
            // so scheduled posts log it and move on instead of failing their loop.
            throw new DeliveryException(DeliveryFailure.Transient, ex.Message, ex);
        }
    }

    private static ulong Id(string snowflake) => ulong.Parse(snowflake, NumberStyles.None, CultureInfo.InvariantCulture);
}
