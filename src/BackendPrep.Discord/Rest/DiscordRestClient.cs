using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using BackendPrep.Discord.Hosting;
using BackendPrep.Discord.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackendPrep.Discord.Rest;

/// <summary>
/// Discord REST over one <see cref="HttpClient"/> (a typed client from IHttpClientFactory). Every call goes through
/// the <see cref="DiscordRateLimiter"/>, has one overall deadline, and retries 429s (any method: Discord did not
/// process them) and 5xx/network failures (idempotent methods, and calls Discord refuses to repeat with a known code,
/// <see cref="RouteInfo.RepeatRefusedWith"/>) within a retry budget.
/// </summary>
public sealed partial class DiscordRestClient
{
    private static readonly string Version =
        typeof(DiscordRestClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.1.0";

    private readonly HttpClient _http;
    private readonly DiscordOptions _options;
    private readonly DiscordRateLimiter _limiter;
    private readonly DiscordMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _baseUrl;

    public DiscordRestClient(HttpClient http, IOptions<DiscordOptions> options, DiscordRateLimiter limiter, DiscordMetrics metrics, TimeProvider time, ILogger<DiscordRestClient>? logger = null)
    {
        _http = http;
        _options = options.Value;
        _limiter = limiter;
        _metrics = metrics;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _baseUrl = _options.ApiBaseUrl.TrimEnd('/');
    }

    public static string UserAgent => $"DiscordBot (https://github.com/backendprep/backendprep, {Version})";

    internal DiscordRateLimiter RateLimiter => _limiter;

    /// <summary>Sends and returns the response body (empty for 204). Throws <see cref="DiscordApiException"/> on failure.</summary>
    internal async Task<byte[]> SendAsync(RouteInfo route, Func<HttpContent?>? content, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_options.RequestDeadline, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var ct = linked.Token;
        var attempt = 0;
        try
        {
            while (true)
            {
                var lease = await _limiter.AcquireAsync(route, ct);
                HttpResponseMessage? response = null;
                byte[] body;
                try
                {
                    using var request = new HttpRequestMessage(route.Method, _baseUrl + route.Path) { Content = content?.Invoke() };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
                    request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
                    response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                    body = await response.Content.ReadAsByteArrayAsync(ct);
                }
                catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
                {
                    response?.Dispose();
                    _limiter.Complete(lease, null, null);
                    _metrics.Request(route.Name, 0);
                    if (route.IsIdempotent && attempt < _options.MaxRetries)
                    {
                        attempt++;
                        _logger.LogWarning("Network error on {Route}, retry {Attempt}: {Error}", route.Name, attempt, ex.Message);
                        await Task.Delay(Backoff(attempt), _time, ct);
                        continue;
                    }
                    throw;
                }
                catch (Exception ex)
                {
                    response?.Dispose();
                    _limiter.Complete(lease, null, null);
                    if (ex is OperationCanceledException)
                    {
                        // Whatever Discord answered (a 429 included) went unread, so no other counter sees it.
                        _metrics.Abandoned(route.Name);
                    }

                    throw;
                }

                using (response)
                {
                    var status = (int)response.StatusCode;
                    _metrics.Request(route.Name, status);
                    if (status == 429)
                    {
                        var error = ParseError(body);
                        var retryAfter = RetryAfter(response, error);
                        _limiter.Complete(lease, status, response.Headers, retryAfter, error?.Global == true);
                        if (attempt < _options.MaxRetries)
                        {
                            attempt++;
                            continue; // the limiter now holds the bucket or global gate closed for retryAfter
                        }
                        throw ToException(response.StatusCode, error, route);
                    }

                    _limiter.Complete(lease, status, response.Headers);
                    if (response.IsSuccessStatusCode)
                        return body;
                    if (attempt > 0 && route.RepeatRefusedWith is { } refusal && ParseError(body)?.Code == refusal)
                    {
                        // The attempt whose answer we lost had taken effect; this repeat was refused as a repeat.
                        _logger.LogInformation("{Route}: the earlier attempt had succeeded (repeat refused with {Code})", route.Name, refusal);
                        return [];
                    }
                    if (status >= 500 && route.IsIdempotent && attempt < _options.MaxRetries)
                    {
                        attempt++;
                        _logger.LogWarning("Discord {Status} on {Route}, retry {Attempt}", status, route.Name, attempt);
                        await Task.Delay(Backoff(attempt), _time, ct);
                        continue;
                    }
                    throw ToException(response.StatusCode, ParseError(body), route);
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{route.Name} did not complete within {_options.RequestDeadline.TotalSeconds:0.#} s (after {attempt} retries).");
        }
    }

    private TimeSpan Backoff(int attempt) => _options.RetryBaseDelay * Math.Pow(2, attempt - 1);

    private static TimeSpan RetryAfter(HttpResponseMessage response, ErrorResponse? error)
    {
        if (error?.RetryAfter is { } seconds && seconds >= 0)
            return TimeSpan.FromSeconds(seconds);
        if (response.Headers.RetryAfter?.Delta is { } delta)
            return delta;
        if (response.Headers.TryGetValues("Retry-After", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
            return TimeSpan.FromSeconds(s);
        return TimeSpan.FromSeconds(1);
    }

    private static ErrorResponse? ParseError(byte[] body)
    {
        if (body.Length == 0)
            return null;
        try
        {
            return JsonSerializer.Deserialize(body, DiscordJsonContext.Default.ErrorResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DiscordApiException ToException(HttpStatusCode status, ErrorResponse? error, RouteInfo route) =>
        new(status, error?.Code, error?.Message, error?.Errors?.GetRawText(), route.Name);

    private T Deserialize<T>(byte[] body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, RouteInfo route) =>
        JsonSerializer.Deserialize(body, type) ?? throw new DiscordApiException(HttpStatusCode.OK, null, "Empty response body", null, route.Name);
}
