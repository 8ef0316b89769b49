using BackendPrep.Bot.Grading;
using BackendPrep.Bot.Interactions;
using BackendPrep.Bot.Operations;
using BackendPrep.Bot.Transports;
using BackendPrep.Bot.Transports.Console;
using BackendPrep.Content;
using BackendPrep.Core.Grading;
using BackendPrep.Core.Storage;
using BackendPrep.Core.Study;
using BackendPrep.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Hosting;

/// <summary>Composition root: configuration, options, content, storage, features and the transport.</summary>
public static class BotHost
{
    public const string EnvironmentPrefix = "BACKENDPREP_";

    public static HostApplicationBuilder CreateBuilder(string[] args, ConsoleIO io)
    {
        // No reload on change: options are validated once at start, and the file watcher is a thread plus its memory
        // (0.4 MB resident, issue 10) for a feature the bot would not honour anyway.
        var settings = new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory, Configuration = new ConfigurationManager() };
        settings.Configuration.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        var builder = Host.CreateApplicationBuilder(settings);
        builder.Configuration.AddUserSecrets(typeof(BotHost).Assembly, optional: true);
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Configuration.AddCommandLine(args);

        // Logs go to stderr so stdout stays the chat (console mode) or clean for CLI tools.
        // Logging:Format=json gives one JSON object per line (with scopes: interaction id, guild, user hash, command).
        builder.Logging.ClearProviders();
        if (string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => (o.SingleLine, o.IncludeScopes) = (true, true));
        }

        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        // Start-up failures are rethrown to BotProgram, which prints them once without a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ExitCode>();
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ContentOptions>, ContentPathValidation>();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidation>();
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidation>();
        services.AddOptions<HostOptions>().Configure<IOptions<BotOptions>>((host, bot) => host.ShutdownTimeout = bot.Value.ShutdownBudget);

        services.AddSingleton(sp => ContentLoader.LoadOrThrow(ContentPaths.Resolve(sp.GetRequiredService<IOptions<ContentOptions>>().Value.Path)!));
        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new LiteDbStore(storage.Path, storage.CheckpointPages);
        });
        services.AddHostedService<LogCheckpointLoop>();
        services.AddStudyStores();
        services.AddSingleton<RouterMetrics>();
        services.AddSingleton<InteractionRouter>();
        services.AddGrading();
        services.AddHostedService<StartupCheck>();
        // Right after the start-up check: the ops port starts before the transport and stops after it.
        services.AddOperations(builder.Configuration);

        services.AddBotFeatures();

        services.AddTransport(builder.Configuration, io);
        return builder;
    }

    /// <summary>Loads the content and opens the database during start, so a broken file fails the start, not the first user.</summary>
    private sealed class StartupCheck(IServiceProvider services) : IHostedService
    {
        private static int _heapTrimmed;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = services.GetRequiredService<StudyContent>();
            _ = services.GetRequiredService<LiteDbStore>();
            _ = services.GetRequiredService<InteractionRouter>();
            _ = services.GetRequiredService<AnswerGrader>();
            // Parsing the content leaves its garbage and a heap sized for it. One compacting collection that hands the
            // free memory back to the OS before any user is served: 6 MB less resident at READY and while idle
            // (89.5 → 83.2 MB, docs/performance.md) for a few milliseconds of start-up. Once per process, so hosts
            // started side by side in tests do not stop each other's world.
            if (Interlocked.Exchange(ref _heapTrimmed, 1) == 0)
            {
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
