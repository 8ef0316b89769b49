using System.Diagnostics.Metrics;
using BackendPrep.Bot.Interactions;
using BackendPrep.Bot.Operations.Backup;
using BackendPrep.Bot.Operations.Metrics;
using BackendPrep.Discord;
using BackendPrep.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Operations;

internal static class OperationsSetup
{
    /// <summary>Every Meter of ours, by name; the gateway's is static, the rest come from the host's meter factory.</summary>
    public static readonly string[] MeterNames =
        [RouterMetrics.MeterName, DiscordMetrics.MeterName, "BackendPrep.Discord.Gateway", StorageMetrics.MeterName];

    /// <summary>
    /// The storage health check and backups (<see cref="BackupSetup.AddBackups"/>) always; the ops port (the meter listener behind <c>/metrics</c>, and the server) only
    /// when <c>Ops:Port</c> is set, so a bot without it pays nothing for metrics export. Options are validated either way.
    /// </summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OpsOptions>().BindConfiguration(OpsOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpsOptions>, OpsOptionsValidator>());
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        services.AddBackups(configuration);
        if (configuration.GetSection(OpsOptions.Section).Get<OpsOptions>() is not { Enabled: true })
        {
            return services;
        }

        AddOpsPort(services);
        return services;
    }

    private static void AddOpsPort(IServiceCollection services)
    {
        services.AddSingleton(sp => new PrometheusExposition(MeterNames, sp.GetService<IMeterFactory>()));
        services.AddSingleton<OpsAddress>();
        services.AddHostedService<OpsServer>();
    }
}
