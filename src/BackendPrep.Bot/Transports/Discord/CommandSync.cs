using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Storage;
using BackendPrep.Discord.Interactions;
using Microsoft.Extensions.Logging;

namespace BackendPrep.Bot.Transports.Discord;

/// <summary>
/// Registers the router's commands once at start, skipped when their hash matches the last registration (never on
/// READY, which repeats after every re-identify). Shared by the gateway and HTTP transports.
/// </summary>
internal sealed class CommandSync(CommandRegistrar registrar, InteractionRouter router, IHostStateStore state, ILogger<CommandSync> log)
{
    private const string CommandsHashKey = "discord.commands.hash";

    public async Task RegisterAsync(CancellationToken ct)
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
}
