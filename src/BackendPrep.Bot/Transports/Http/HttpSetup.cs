using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Transports.Http;

internal static class HttpSetup
{
    /// <summary>The listener and its runner; the Discord client, handler and command sync come from the Discord setup.</summary>
    public static IServiceCollection AddHttpInteractions(this IServiceCollection services)
    {
        services.AddOptions<HttpListenOptions>().BindConfiguration(HttpListenOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HttpListenOptions>, HttpListenOptionsValidator>());
        services.TryAddSingleton<HttpListenAddress>();
        services.AddSingleton<HttpInteractionsListener>();
        services.AddHostedService<HttpTransport>();
        services.AddHealthChecks().AddCheck<HttpListenerHealthCheck>("interactions-endpoint");
        return services;
    }
}
