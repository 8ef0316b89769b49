using BackendPrep.Bot.Interactions;
using BackendPrep.Bot.Operations.Backup;
using BackendPrep.Discord;
using BackendPrep.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace BackendPrep.Bot.Operations;

internal static class OperationsSetup
{
    /// <summary>Every Meter of ours, by name; the gateway's is static, the rest come from the host's meter factory.</summary>
    public static readonly string[] MeterNames =
        [RouterMetrics.MeterName, DiscordMetrics.MeterName, "BackendPrep.Discord.Gateway", StorageMetrics.MeterName];

    /// <summary>
    /// The storage health check and backups (<see cref="BackupSetup.AddBackups"/>) always; the ops port (OpenTelemetry with the Prometheus exporter, and the server) only
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

    /// <summary>
    /// A method of its own, never inlined: the JIT loads the assemblies a method body names when it compiles it, so with
    /// these calls inline every start loaded OpenTelemetry, port or not.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddOpsPort(IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(MeterNames).AddPrometheusExporter());
        services.AddSingleton<OpsAddress>();
        services.AddHostedService<OpsServer>();
    }
}
