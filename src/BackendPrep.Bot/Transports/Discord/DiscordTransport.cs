using BackendPrep.Bot.Hosting;
using BackendPrep.Discord.Gateway;
using BackendPrep.Discord.Interactions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackendPrep.Bot.Transports.Discord;

/// <summary>
/// Runs the bot on Discord's gateway: registers commands once at start, then runs the gateway and the interaction dispatcher until shutdown. A fatal close code or a wedged gateway stops the
/// host with a non-zero exit code so a supervisor restarts it, instead of looping on identifies.
/// </summary>
internal sealed class DiscordTransport(
    ShardedGateway gateway,
    InteractionDispatcher dispatcher,
    CommandSync commands,
    IHostApplicationLifetime lifetime,
    ExitCode exit,
    ILogger<DiscordTransport> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await commands.RegisterAsync(stoppingToken);
            gateway.Wedged += (_, reason) => Fail($"the Discord gateway is wedged ({reason}); exiting so a supervisor restarts the bot");
            var dispatching = dispatcher.RunAsync(gateway.Dispatches, stoppingToken);
            await gateway.RunAsync(stoppingToken);
            await dispatching;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (GatewayFatalException ex)
        {
            Fail(ex.Message);
        }
        catch (Exception ex)
        {
            log.LogCritical(ex, "The Discord transport failed");
            Fail("the Discord transport failed: " + ex.Message);
        }
    }

    private void Fail(string message)
    {
        log.LogCritical("{Message}", message);
        exit.Fail();
        lifetime.StopApplication();
    }
}
