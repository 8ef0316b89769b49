using System.Threading.Channels;
using BackendPrep.Bot.Transports.Http;
using BackendPrep.Core.Storage;
using BackendPrep.Discord;
using BackendPrep.Discord.Gateway;
using BackendPrep.Discord.Hosting;
using BackendPrep.Discord.Interactions;
using BackendPrep.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Transports.Discord;

/// <summary>
/// The Discord transport: our client, the handler that meets the router, the messenger, and the runner — the gateway,
/// or with <c>Discord:Mode=Http</c> the Interactions Endpoint listener.
/// </summary>
internal static class DiscordSetup
{
    public static IServiceCollection AddDiscordTransport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDiscordClient(configuration.GetSection(DiscordOptions.SectionName));
        services.AddScoped<IInteractionHandler, DiscordInteractionHandler>();
        services.AddSingleton<IChannelMessenger, DiscordMessenger>();
        services.AddSingleton<IHostStateStore>(sp => StorageMetrics.Metered<IHostStateStore>(ActivatorUtilities.CreateInstance<HostStateStore>(sp), sp.GetRequiredService<LiteDbStore>().Gate));
        services.AddSingleton<CommandSync>();
        if (configuration.GetValue<DiscordMode>($"{DiscordOptions.SectionName}:{nameof(DiscordOptions.Mode)}") == DiscordMode.Http)
        {
            return services.AddHttpInteractions();
        }

        services.AddSingleton(sp =>
        {
            var discord = sp.GetRequiredService<IOptions<DiscordOptions>>().Value;
            var options = new GatewayOptions
            {
                Token = discord.Token,
                Intents = discord.Intents,
                ShardId = discord.ShardId,
                ShardCount = discord.ShardCount,
                DispatchQueueCapacity = discord.DispatchQueueCapacity,
            };
            return new ShardedGateway(options, sp.GetRequiredService<IGatewayUrlSource>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<Channel<GatewayDispatch>>(), metrics: sp.GetRequiredService<DiscordMetrics>());
        });
        services.AddHostedService<DiscordTransport>();
        services.AddHealthChecks().AddCheck<GatewayHealthCheck>("gateway");
        return services;
    }
}
