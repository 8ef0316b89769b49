using System.Net;
using System.Text.Json;
using BackendPrep.Bot.Operations.Backup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace BackendPrep.Bot.Operations;

/// <summary>
/// A bare Kestrel server on <c>Ops:Address:Ops:Port</c>: <c>GET /metrics</c> is the OpenTelemetry Prometheus scrape,
/// <c>GET /healthz</c> runs every registered health check and answers 200 (every check healthy or only degraded), or
/// 503 with each failing check's reason; <c>POST /backup</c> takes a backup (<see cref="BackupEndpoint"/>).
/// Started first and stopped last among the hosted services, so health reads "down" through the whole shutdown.
/// </summary>
internal sealed class OpsServer(
    IOptions<OpsOptions> options,
    MeterProvider meters,
    HealthCheckService health,
    BackupEndpoint backup,
    OpsAddress address,
    ILogger<OpsServer> log) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Parse(o.Address), o.Port!.Value);
        });
        var app = builder.Build();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(meters, predicate: null, path: "/metrics", configureBranchedPipeline: null, optionsName: null);
        app.Run(ServeAsync);
        await app.StartAsync(cancellationToken);
        _app = app;
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        address.Set(bound);
        log.LogInformation("Ops endpoint listening on {Url} (/metrics, /healthz, /backup)", bound);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
            await _app.StopAsync(cancellationToken);
    }

    private async Task ServeAsync(HttpContext context)
    {
        if (context.Request.Path == BackupEndpoint.Path)
        {
            await backup.ServeAsync(context);
            return;
        }

        if (context.Request.Path != "/healthz")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var report = await health.CheckHealthAsync(context.RequestAborted);
        // Degraded (a failing backup) still serves users: reported in the body, not as a status that gets the bot restarted.
        context.Response.StatusCode = report.Status != HealthStatus.Unhealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.Body.WriteAsync(HealthJson.Write(report), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
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
