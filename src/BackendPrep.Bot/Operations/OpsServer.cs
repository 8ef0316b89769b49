using System.Net;
using System.Text.Json;
using BackendPrep.Bot.Operations.Backup;
using BackendPrep.Bot.Operations.Metrics;
using BackendPrep.Bot.Operations.OpsHttp;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Operations;

/// <summary>
/// The ops port on <c>Ops:Address:Ops:Port</c> (<see cref="OpsHttpServer"/>): <c>GET /metrics</c> is the Prometheus
/// scrape (<see cref="PrometheusExposition"/>), <c>GET /healthz</c> runs every registered health check and answers 200
/// (every check healthy or only degraded), or 503 with each failing check's reason; <c>POST /backup</c> takes a backup
/// (<see cref="BackupEndpoint"/>). Started first and stopped last among the hosted services, so health reads "down"
/// through the whole shutdown.
/// </summary>
internal sealed class OpsServer(
    IOptions<OpsOptions> options,
    PrometheusExposition metrics,
    HealthCheckService health,
    BackupEndpoint backup,
    OpsAddress address,
    TimeProvider time,
    ILogger<OpsServer> log) : IHostedService, IAsyncDisposable
{
    private OpsHttpServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var server = new OpsHttpServer(new IPEndPoint(IPAddress.Parse(o.Address), o.Port!.Value), ServeAsync, new OpsHttpLimits(), time, log);
        var bound = server.Start();
        _server = server;
        var url = new Uri($"http://{bound}/");
        address.Set(url);
        log.LogInformation("Ops endpoint listening on {Url} (/metrics, /healthz, /backup)", url);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        _server?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    private async Task<OpsHttpResponse> ServeAsync(OpsHttpRequest request, CancellationToken cancellationToken)
    {
        switch (request.Path)
        {
            case BackupEndpoint.Path:
                return await backup.ServeAsync(request, cancellationToken);
            case "/metrics" when request.IsGetOrHead:
                return new OpsHttpResponse(200, metrics.Scrape(), PrometheusText.ContentType);
            case "/healthz" when request.IsGetOrHead:
                var report = await health.CheckHealthAsync(cancellationToken);
                // Degraded (a failing backup) still serves users: reported in the body, not as a status that gets the bot restarted.
                return OpsHttpResponse.Json(report.Status != HealthStatus.Unhealthy ? 200 : 503, HealthJson.Write(report));
            case "/metrics" or "/healthz":
                return OpsHttpResponse.MethodNotAllowed("GET, HEAD");
            default:
                return new OpsHttpResponse(404);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}

/// <summary>The URL the ops endpoint actually listens on, once bound (port 0 resolves here).</summary>
public sealed class OpsAddress
{
    private readonly TaskCompletionSource<Uri> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Uri> Bound => _bound.Task;

    internal void Set(Uri url) => _bound.TrySetResult(url);
}

/// <summary><c>{"status":"unhealthy","checks":{"gateway":{"status":"unhealthy","reason":"…"}}}</c>.</summary>
internal static class HealthJson
{
    public static byte[] Write(HealthReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", Name(report.Status));
            json.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject(name);
                json.WriteString("status", Name(entry.Status));
                json.WriteString("reason", entry.Description ?? entry.Exception?.Message ?? "");
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
