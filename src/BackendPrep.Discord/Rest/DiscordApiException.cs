using System.Net;

namespace BackendPrep.Discord.Rest;

/// <summary>
/// A non-success response from Discord. <see cref="Route"/> is the method and route template (no ids or tokens);
/// <see cref="ErrorsJson"/> is the raw nested <c>errors</c> detail of a 50035.
/// </summary>
public class DiscordApiException(HttpStatusCode status, int? code, string? discordMessage, string? errorsJson, string route)
    : Exception($"Discord returned {(int)status} for {route}: {(code is null ? "" : $"{code} ")}{discordMessage}{(errorsJson is null ? "" : " " + errorsJson)}")
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>Discord's JSON error code (e.g. 50013), when the body had one.</summary>
    public int? Code { get; } = code;

    public string? DiscordMessage { get; } = discordMessage;
    public string? ErrorsJson { get; } = errorsJson;
    public string Route { get; } = route;

    public bool Is(int code) => Code == code;
}

/// <summary>The client refuses to send: the token was rejected (401) or too many invalid requests were made.</summary>
public sealed class DiscordClientHaltedException(string reason) : InvalidOperationException(reason);

/// <summary>Well-known JSON error codes (developers/topics/opcodes-and-status-codes.mdx).</summary>
public static class DiscordErrorCodes
{
    public const int UnknownChannel = 10003;
    public const int UnknownMessage = 10008;
    public const int UnknownWebhook = 10015;
    public const int UnknownInteraction = 10062;
    public const int MaxApplicationCommands = 30032;
    public const int MaxDailyCommandCreates = 30034;
    public const int InteractionAlreadyAcknowledged = 40060;
    public const int MaxFollowUps = 40094;
    public const int MissingAccess = 50001;
    public const int CannotSendEmptyMessage = 50006;
    public const int CannotMessageUser = 50007;
    public const int MissingPermissions = 50013;
    public const int InvalidToken = 50014;
    public const int InvalidWebhookToken = 50027;
    public const int InvalidFormBody = 50035;
}
