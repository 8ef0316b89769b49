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
    /// <summary>Fires when the shutdown budget runs out; until then in-flight handlers keep running after stop begins.</summary>
    private readonly CancellationTokenSource _abandon = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await listener.StartAsync(_abandon.Token);
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
        await using var budget = cancellationToken.Register(_abandon.Cancel);
        await base.StopAsync(cancellationToken);
        await listener.StopAsync(cancellationToken);
        await dispatcher.DrainAsync().WaitAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }
}
