using System.Net;
using BackendPrep.Discord.Interactions.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Transports.Http;

/// <summary>
/// A bare Kestrel server with one route: POST <see cref="HttpListenOptions.Path"/> hands the raw body and signature
/// headers to <see cref="HttpInteractionEndpoint"/> and writes back what it returns. No MVC, no routing, no logging of
/// its own (request logs would add nothing, and the signature check already logs refusals).
/// </summary>
internal sealed class HttpInteractionsListener(HttpInteractionEndpoint endpoint, IOptions<HttpListenOptions> options, HttpListenAddress address) : IAsyncDisposable
{
    // Discord's interaction payloads are a few kilobytes; this bounds what an unauthenticated caller can make us buffer.
    private const long MaxBodyBytes = 1 << 20;

    private WebApplication? _app;
    private volatile bool _listening;

    /// <summary>Bound and serving: from a successful start until stop begins (the health check's view in HTTP mode).</summary>
    public bool IsListening => _listening;

    public async Task StartAsync(CancellationToken stopping)
    {
        var o = options.Value;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = MaxBodyBytes;
            k.Listen(IPAddress.Parse(o.Address), o.Port);
        });
        var app = builder.Build();
        app.Run(context => ServeAsync(context, o.Path, stopping));
        await app.StartAsync(stopping);
        _app = app;
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        address.Set(new Uri(new Uri(bound), o.Path));
        _listening = true;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _listening = false;
        if (_app is not null)
            await _app.StopAsync(cancellationToken);
    }

    private async Task ServeAsync(HttpContext context, string path, CancellationToken stopping)
    {
        if (!string.Equals(context.Request.Path, path, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers;
        var response = await endpoint.HandleAsync(body.GetBuffer().AsMemory(0, (int)body.Length),
            headers[RequestSignature.SignatureHeader], headers[RequestSignature.TimestampHeader], stopping, context.RequestAborted);
        try
        {
            context.Response.StatusCode = response.Status;
            if (response.ContentType is { } type)
            {
                context.Response.ContentType = type;
                context.Response.ContentLength = response.Body.Length;
                await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
            }

            await context.Response.CompleteAsync();
            response.Written();
        }
        catch (Exception ex)
        {
            response.Written(ex);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
