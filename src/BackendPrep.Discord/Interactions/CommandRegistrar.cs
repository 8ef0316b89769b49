using System.Security.Cryptography;
using System.Text;
using BackendPrep.Discord.Hosting;
using BackendPrep.Discord.Models;
using BackendPrep.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackendPrep.Discord.Interactions;

/// <summary>Outcome of a registration: store <see cref="Hash"/> and pass it back next start.</summary>
public sealed record CommandRegistration(string Hash, bool Skipped, ulong? GuildId, IReadOnlyList<ApplicationCommand> Commands);

/// <summary>
/// Bulk-overwrites the command set: to <see cref="DiscordOptions.DevGuildId"/> when configured (instant updates),
/// else globally. Skips the PUT when the definitions hash equals the last one stored by the caller, because
/// re-registering on every start burns the 200-creates-per-day budget (error 30034).
/// </summary>
public sealed class CommandRegistrar(DiscordRestClient rest, IOptions<DiscordOptions> options, ILogger<CommandRegistrar>? logger = null)
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    public async Task<CommandRegistration> RegisterAsync(IReadOnlyList<ApplicationCommandDefinition> commands, string? lastHash, CancellationToken cancellationToken, ulong applicationId = 0)
    {
        var guildId = options.Value.DevGuildId;
        var scoped = ForScope(commands, guildId);
        PayloadValidator.Validate(scoped);
        var hash = ComputeHash(scoped, guildId);
        if (string.Equals(hash, lastHash, StringComparison.Ordinal))
        {
            _logger.LogInformation("Commands unchanged (hash {Hash}); skipping registration", hash);
            return new CommandRegistration(hash, Skipped: true, guildId, []);
        }
        if (applicationId == 0)
            applicationId = (await rest.GetCurrentApplicationAsync(cancellationToken)).Id;
        var registered = await rest.BulkOverwriteCommandsAsync(applicationId, guildId, scoped, cancellationToken);
        _logger.LogInformation("Registered {Count} commands {Scope}", registered.Count, guildId is null ? "globally" : $"to guild {guildId}");
        return new CommandRegistration(hash, Skipped: false, guildId, registered);
    }

    /// <summary>SHA-256 of the serialised definitions plus the scope, so moving scopes re-registers.</summary>
    public static string ComputeHash(IReadOnlyList<ApplicationCommandDefinition> commands, ulong? guildId)
    {
        var json = DiscordJson.Serialize(commands);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{guildId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "global"}\n{json}"));
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary><c>contexts</c> and <c>integration_types</c> apply to global commands only; guild commands drop them.</summary>
    private static IReadOnlyList<ApplicationCommandDefinition> ForScope(IReadOnlyList<ApplicationCommandDefinition> commands, ulong? guildId) =>
        guildId is null ? commands : [.. commands.Select(c => c with { Contexts = null, IntegrationTypes = null })];
}
