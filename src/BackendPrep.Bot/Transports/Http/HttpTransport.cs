using BackendPrep.Bot.Hosting;
using BackendPrep.Bot.Transports.Discord;
using BackendPrep.Discord.Interactions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackendPrep.Bot.Transports.Http;

/// <summary>
/// Runs the bot in HTTP-interactions mode: listens first (Discord PINGs the URL when it is saved), registers commands
/// as the gateway transport does, then serves until shutdown and lets in-flight handlers finish. No gateway connection.
/// </summary>
internal sealed class HttpTransport(
    HttpInteractionsListener listener,
    InteractionDispatcher dispatcher,
    CommandSync commands,
    HttpListenAddress address,
    IHostApplicationLifetime lifetime,
    ExitCode exit,
    ILogger<HttpTransport> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await listener.StartAsync(stoppingToken);
            log.LogInformation("Interactions endpoint listening on {Url}", await address.Bound);
            await commands.RegisterAsync(stoppingToken);
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            log.LogCritical(ex, "The HTTP interactions transport failed");
            exit.Fail();
            lifetime.StopApplication();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await listener.StopAsync(cancellationToken);
        await dispatcher.DrainAsync().WaitAsync(cancellationToken);
    }
}
