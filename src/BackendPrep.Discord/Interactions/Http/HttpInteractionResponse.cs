namespace BackendPrep.Discord.Interactions.Http;

/// <summary>
/// What the web server sends back for one interaction request: a status and, for 200, an interaction callback as JSON.
/// The server calls <see cref="Written"/> once the response is on the wire (or failed), so the responder only sends
/// follow-ups after Discord has the initial callback.
/// </summary>
public sealed class HttpInteractionResponse
{
    public const string JsonContentType = "application/json";

    private readonly Action<Exception?>? _written;

    internal HttpInteractionResponse(int status, ReadOnlyMemory<byte> body = default, Action<Exception?>? written = null)
    {
        Status = status;
        Body = body;
        _written = written;
    }

    public int Status { get; }

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The body's content type, or null when there is no body.</summary>
    public string? ContentType => Body.IsEmpty ? null : JsonContentType;

    internal static HttpInteractionResponse Unauthorized { get; } = new(401);

    internal static HttpInteractionResponse BadRequest { get; } = new(400);

    /// <summary>The same interaction id again: already handled, so no second effect.</summary>
    internal static HttpInteractionResponse Conflict { get; } = new(409);

    /// <summary>The handler finished (or the bot is stopping) without any initial callback.</summary>
    internal static HttpInteractionResponse Unanswered { get; } = new(500);

    /// <summary>The callback went through Discord's callback endpoint (multipart uploads); the request is answered 202, empty.</summary>
    internal static HttpInteractionResponse Accepted { get; } = new(202);

    internal static HttpInteractionResponse Pong { get; } = new(200, "{\"type\":1}"u8.ToArray());

    /// <summary>Reports that the response was written (<paramref name="error"/> null) or could not be.</summary>
    public void Written(Exception? error = null) => _written?.Invoke(error);
}
