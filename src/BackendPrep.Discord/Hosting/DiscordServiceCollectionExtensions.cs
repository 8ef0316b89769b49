using System.Threading.Channels;
using BackendPrep.Discord.Gateway;
using BackendPrep.Discord.Interactions;
using BackendPrep.Discord.Interactions.Http;
using BackendPrep.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BackendPrep.Discord.Hosting;

public static class DiscordServiceCollectionExtensions
{
    public const string HttpClientName = "Discord";

    /// <summary>
    /// Registers options (validated at start), the rate limiter, the typed REST client (also the gateway URL source),
    /// the interaction dispatcher, the command registrar, metrics, and the gateway → dispatcher channel. The bot
    /// registers its <see cref="IInteractionHandler"/> (scoped) and starts the gateway and
    /// <see cref="InteractionDispatcher.RunAsync"/> from a hosted service.
    /// </summary>
    public static IServiceCollection AddDiscordClient(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<DiscordOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new DiscordMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<DiscordRateLimiter>();

        // The REST client lives as long as the app (the dispatcher holds it), so connections are recycled by the
        // handler's PooledConnectionLifetime rather than by the factory's handler rotation.
        services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The factory's request logging prints full URIs, and interaction paths carry the interaction token.
            .RemoveAllLoggers();
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<DiscordRestClient>(
            sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        services.TryAddSingleton<IGatewayUrlSource>(sp => sp.GetRequiredService<DiscordRestClient>());

        services.TryAddSingleton(sp => ShardedGateway.CreateDispatchChannel(sp.GetRequiredService<IOptions<DiscordOptions>>().Value.DispatchQueueCapacity));
        services.TryAddSingleton<InteractionDispatcher>();
        services.TryAddSingleton<CommandRegistrar>();
        services.TryAddSingleton<HttpInteractionEndpoint>();
        return services;
    }
}
