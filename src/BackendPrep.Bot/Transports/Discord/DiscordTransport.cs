using BackendPrep.Bot.Hosting;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Storage;
using BackendPrep.Discord.Gateway;
using BackendPrep.Discord.Hosting;
using BackendPrep.Discord.Interactions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Transports.Discord;

/// <summary>
/// Runs the bot on Discord: registers commands once at start (never on READY, which repeats after every re-identify),
/// then runs the gateway and the interaction dispatcher until shutdown. A fatal close code or a wedged gateway stops the
/// host with a non-zero exit code so a supervisor restarts it, instead of looping on identifies.
/// </summary>
internal sealed class DiscordTransport(
    ShardedGateway gateway,
    InteractionDispatcher dispatcher,
    CommandRegistrar registrar,
    InteractionRouter router,
    IHostStateStore state,
    IHostApplicationLifetime lifetime,
    ExitCode exit,
    ILogger<DiscordTransport> log) : BackgroundService
{
    private const string CommandsHashKey = "discord.commands.hash";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RegisterCommandsAsync(stoppingToken);
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

    private async Task RegisterCommandsAsync(CancellationToken ct)
    {
        var definitions = CommandDefinitions.From(router.Routes);
        var last = await state.GetAsync(CommandsHashKey, ct);
        var result = await registrar.RegisterAsync(definitions, last, ct);
        if (!result.Skipped)
        {
            await state.SetAsync(CommandsHashKey, result.Hash, ct);
        }

        log.LogInformation("{Count} commands {Outcome} {Scope}", definitions.Count, result.Skipped ? "unchanged; registration skipped" : "registered",
            result.GuildId is { } g ? $"to guild {g}" : "globally");
    }

    private void Fail(string message)
    {
        log.LogCritical("{Message}", message);
        exit.Fail();
        lifetime.StopApplication();
    }
}
