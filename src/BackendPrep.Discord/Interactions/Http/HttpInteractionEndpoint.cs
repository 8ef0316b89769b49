using BackendPrep.Discord.Hosting;
using BackendPrep.Discord.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackendPrep.Discord.Interactions.Http;

/// <summary>
/// Discord's Interactions Endpoint URL, without a web server: takes the raw body and the two signature headers,
/// returns a status and body. Unverified requests get 401 before anything is parsed; PING gets PONG; everything
/// else goes through <see cref="InteractionDispatcher"/> like a gateway interaction.
/// </summary>
public sealed class HttpInteractionEndpoint
{
    private readonly InteractionDispatcher _dispatcher;
    private readonly RequestSignature _signature;
    private readonly TimeProvider _time;
    private readonly DiscordMetrics _metrics;
    private readonly ILogger _logger;

    public HttpInteractionEndpoint(InteractionDispatcher dispatcher, IOptions<DiscordOptions> options, TimeProvider time, DiscordMetrics metrics, ILogger<HttpInteractionEndpoint>? logger = null)
    {
        _dispatcher = dispatcher;
        _signature = new RequestSignature(options.Value.PublicKey, options.Value.SignatureMaxAge, time);
        _time = time;
        _metrics = metrics;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <param name="stopping">Ends handlers at shutdown; they outlive the request (follow-ups go over REST).</param>
    /// <param name="aborted">The request's own cancellation: stops waiting for the answer, not the handler.</param>
    public async Task<HttpInteractionResponse> HandleAsync(ReadOnlyMemory<byte> body, string? signature, string? timestamp, CancellationToken stopping, CancellationToken aborted)
    {
        var receivedAt = _time.GetTimestamp();
        var verdict = _signature.Verify(signature, timestamp, body.Span);
        if (verdict != SignatureVerdict.Valid)
        {
            _metrics.SignatureRejected(verdict.ToString());
            // Information, not warning: Discord itself probes with bad signatures, and anyone can send junk; the counter alerts.
            _logger.LogInformation("Refused an interaction request: signature {Verdict}", verdict);
            return HttpInteractionResponse.Unauthorized;
        }

        Interaction interaction;
        try
        {
            interaction = DiscordJson.ParseInteraction(body.Span);
        }
        catch (Exception ex)
        {
            _metrics.Malformed();
            _logger.LogWarning("Malformed signed interaction request: {Error}", ex.Message);
            return HttpInteractionResponse.BadRequest;
        }

        if (interaction.Type == InteractionType.Ping)
            return HttpInteractionResponse.Pong;
        if (interaction.Id == 0 || interaction.Token.Length == 0)
        {
            _metrics.Malformed();
            _logger.LogWarning("Signed interaction request without id or token");
            return HttpInteractionResponse.BadRequest;
        }
        return await _dispatcher.HandleHttpAsync(interaction, receivedAt, stopping, aborted);
    }
}
