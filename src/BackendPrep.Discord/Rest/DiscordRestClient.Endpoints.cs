using System.Globalization;
using System.Text.Json;
using BackendPrep.Discord.Gateway;
using BackendPrep.Discord.Models;

namespace BackendPrep.Discord.Rest;

/// <summary>The endpoints the bot uses. Paths carry ids and tokens; route templates (for limits, logs, metrics) never do.</summary>
public sealed partial class DiscordRestClient : IGatewayUrlSource
{
    public async ValueTask<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        var route = new RouteInfo(HttpMethod.Get, "/gateway/bot", "/gateway/bot", "");
        var body = await SendAsync(route, null, cancellationToken);
        var r = Deserialize(body, DiscordJsonContext.Default.GatewayBotResponse, route);
        var limit = r.SessionStartLimit ?? new SessionStartLimitResponse { Total = 1000, Remaining = 1000, MaxConcurrency = 1 };
        return new GatewayBotInfo(r.Url, Math.Max(1, r.Shards),
            new SessionStartLimit(limit.Total, limit.Remaining, TimeSpan.FromMilliseconds(limit.ResetAfter), Math.Max(1, limit.MaxConcurrency)));
    }

    public async Task<Application> GetCurrentApplicationAsync(CancellationToken cancellationToken)
    {
        var route = new RouteInfo(HttpMethod.Get, "/applications/@me", "/applications/@me", "");
        return Deserialize(await SendAsync(route, null, cancellationToken), DiscordJsonContext.Default.Application, route);
    }

    /// <summary>Replaces all global commands (or a guild's when <paramref name="guildId"/> is set) with these.</summary>
    public async Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteCommandsAsync(ulong applicationId, ulong? guildId, IReadOnlyList<ApplicationCommandDefinition> commands, CancellationToken cancellationToken)
    {
        PayloadValidator.Validate(commands);
        var route = CommandsRoute(HttpMethod.Put, applicationId, guildId);
        var json = JsonSerializer.SerializeToUtf8Bytes(commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommandDefinition);
        var body = await SendAsync(route, () => RequestBodies.Content(json, null), cancellationToken);
        return Deserialize(body, DiscordJsonContext.Default.ListApplicationCommand, route);
    }

    public async Task<IReadOnlyList<ApplicationCommand>> GetCommandsAsync(ulong applicationId, ulong? guildId, CancellationToken cancellationToken)
    {
        var route = CommandsRoute(HttpMethod.Get, applicationId, guildId);
        return Deserialize(await SendAsync(route, null, cancellationToken), DiscordJsonContext.Default.ListApplicationCommand, route);
    }

    /// <summary>The initial response to an interaction (one per interaction; <c>InteractionResponder</c> enforces that).</summary>
    public async Task CreateInteractionResponseAsync(ulong interactionId, string interactionToken, InteractionCallback callback, CancellationToken cancellationToken)
    {
        PayloadValidator.Validate(callback);
        var route = new RouteInfo(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback",
            $"/interactions/{Id(interactionId)}/{Escape(interactionToken)}/callback", Id(interactionId), IsInteraction: true)
        {
            // A lost answer to a callback is retried: if the first one went through, Discord says so with 40060.
            RepeatRefusedWith = DiscordErrorCodes.InteractionAlreadyAcknowledged,
            UsedOnce = true,
        };
        var json = RequestBodies.Callback(callback);
        await SendAsync(route, () => RequestBodies.Content(json, callback.Message?.Files), cancellationToken);
    }

    public async Task<Message> GetOriginalResponseAsync(ulong applicationId, string interactionToken, CancellationToken cancellationToken)
    {
        var route = OriginalRoute(HttpMethod.Get, applicationId, interactionToken);
        return Deserialize(await SendAsync(route, null, cancellationToken), DiscordJsonContext.Default.Message, route);
    }

    /// <summary>Edits the original response; this is also how a deferred (type 5/6) response is completed.</summary>
    public Task<Message> EditOriginalResponseAsync(ulong applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken) =>
        SendMessageAsync(OriginalRoute(HttpMethod.Patch, applicationId, interactionToken), message, cancellationToken);

    public async Task DeleteOriginalResponseAsync(ulong applicationId, string interactionToken, CancellationToken cancellationToken) =>
        await SendAsync(OriginalRoute(HttpMethod.Delete, applicationId, interactionToken), null, cancellationToken);

    public Task<Message> CreateFollowUpAsync(ulong applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken) =>
        SendMessageAsync(new RouteInfo(HttpMethod.Post, "/webhooks/{application_id}/{interaction_token}",
            $"/webhooks/{Id(applicationId)}/{Escape(interactionToken)}", WebhookMajor(applicationId, interactionToken), IsInteraction: true), message, cancellationToken);

    public Task<Message> CreateMessageAsync(ulong channelId, MessagePayload message, CancellationToken cancellationToken) =>
        SendMessageAsync(new RouteInfo(HttpMethod.Post, "/channels/{channel_id}/messages", $"/channels/{Id(channelId)}/messages", Id(channelId)), message, cancellationToken);

    public async Task<Channel> GetChannelAsync(ulong channelId, CancellationToken cancellationToken)
    {
        var route = new RouteInfo(HttpMethod.Get, "/channels/{channel_id}", $"/channels/{Id(channelId)}", Id(channelId));
        return Deserialize(await SendAsync(route, null, cancellationToken), DiscordJsonContext.Default.Channel, route);
    }

    /// <summary>Opens (or returns the existing) DM channel with a user.</summary>
    public async Task<Channel> CreateDmChannelAsync(ulong userId, CancellationToken cancellationToken)
    {
        var route = new RouteInfo(HttpMethod.Post, "/users/@me/channels", "/users/@me/channels", "");
        var json = JsonSerializer.SerializeToUtf8Bytes(new CreateDmRequest(userId), DiscordJsonContext.Default.CreateDmRequest);
        return Deserialize(await SendAsync(route, () => RequestBodies.Content(json, null), cancellationToken), DiscordJsonContext.Default.Channel, route);
    }

    /// <summary>
    /// Opens the DM channel and sends. A user who does not accept DMs gives <see cref="DiscordErrorCodes.CannotMessageUser"/>
    /// (50007), which is never retried.
    /// </summary>
    public async Task<Message> SendDirectMessageAsync(ulong userId, MessagePayload message, CancellationToken cancellationToken)
    {
        PayloadValidator.Validate(message);
        var channel = await CreateDmChannelAsync(userId, cancellationToken);
        return await CreateMessageAsync(channel.Id, message, cancellationToken);
    }

    private async Task<Message> SendMessageAsync(RouteInfo route, MessagePayload message, CancellationToken cancellationToken)
    {
        PayloadValidator.Validate(message);
        var json = RequestBodies.Message(message);
        var body = await SendAsync(route, () => RequestBodies.Content(json, message.Files), cancellationToken);
        return body.Length == 0 ? new Message() : Deserialize(body, DiscordJsonContext.Default.Message, route);
    }

    private static RouteInfo CommandsRoute(HttpMethod method, ulong applicationId, ulong? guildId) => guildId is { } g
        ? new RouteInfo(method, "/applications/{application_id}/guilds/{guild_id}/commands", $"/applications/{Id(applicationId)}/guilds/{Id(g)}/commands", Id(g))
        : new RouteInfo(method, "/applications/{application_id}/commands", $"/applications/{Id(applicationId)}/commands", "");

    private static RouteInfo OriginalRoute(HttpMethod method, ulong applicationId, string token) =>
        new(method, "/webhooks/{application_id}/{interaction_token}/messages/@original",
            $"/webhooks/{Id(applicationId)}/{Escape(token)}/messages/@original", WebhookMajor(applicationId, token), IsInteraction: true);

    private static string WebhookMajor(ulong applicationId, string token) => Id(applicationId) + "/" + token;

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string token) => Uri.EscapeDataString(token);
}
