using System.Text.RegularExpressions;
using BackendPrep.Bot.Hosting;
using BackendPrep.Storage;
using BackendPrep.Storage.Backup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Operations.Backup;

internal static partial class BackupSetup
{
    /// <summary>
    /// Options always (validated at start); the backup service when <c>Storage:Backup:Directory</c> is set; the schedule
    /// and its health check when <c>Storage:Backup:Interval</c> is too. The endpoint is always there and says when it is off.
    /// </summary>
    public static IServiceCollection AddBackups(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BackupOptions>, BackupOptionsValidator>());
        services.TryAddSingleton<BackupEndpoint>();
        var options = configuration.GetSection(BackupOptions.Section).Get<BackupOptions>() ?? new BackupOptions();
        if (!options.Enabled)
        {
            return services;
        }

        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<BackupOptions>>().Value;
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new Backups(sp.GetRequiredService<LiteDbStore>(), new BackupDirectory(o.Directory!, PrefixFor(storage.Path), o.Keep), sp.GetRequiredService<TimeProvider>());
        });
        if (options.Scheduled)
        {
            services.AddSingleton<BackupSchedule>();
            services.AddHostedService(sp => sp.GetRequiredService<BackupSchedule>());
            services.AddHealthChecks().AddCheck<BackupHealthCheck>("backup");
        }

        return services;
    }

    /// <summary>Copies are named after the database file (<c>backendprep.db</c> → <c>backendprep-…Z.db</c>).</summary>
    internal static string PrefixFor(string databasePath)
    {
        var name = Unsafe().Replace(Path.GetFileNameWithoutExtension(databasePath), "-");
        return name.Length == 0 ? "backendprep" : name;
    }

    [GeneratedRegex("[^A-Za-z0-9_-]", RegexOptions.CultureInvariant)]
    private static partial Regex Unsafe();
}
