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
    /// <summary>Fires when the shutdown budget (HostOptions.ShutdownTimeout) runs out: in-flight handlers are then abandoned.</summary>
    private readonly CancellationTokenSource _abandon = new();

    /// <summary>
    /// Shutdown: the stopping token closes the gateway (resumable close code), which completes the dispatch channel,
    /// so nothing new arrives; what was already received is still handled, on <see cref="_abandon"/>, until the budget ends.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dispatching = Task.CompletedTask;
        try
        {
            await commands.RegisterAsync(stoppingToken);
            gateway.Wedged += (_, reason) => Fail($"the Discord gateway is wedged ({reason}); exiting so a supervisor restarts the bot");
            dispatching = dispatcher.RunAsync(gateway.Dispatches, _abandon.Token);
            await gateway.RunAsync(stoppingToken);
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
        finally
        {
            await dispatching;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var budget = cancellationToken.Register(_abandon.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    private void Fail(string message)
    {
        log.LogCritical("{Message}", message);
        exit.Fail();
        lifetime.StopApplication();
    }
}
