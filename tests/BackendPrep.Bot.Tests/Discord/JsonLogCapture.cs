using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace BackendPrep.Bot.Tests.Discord;

/// <summary>
/// Captures the bot's logs exactly as <c>Logging:Format=json</c> writes them: every entry goes through the host's own
/// "json" console formatter (with its options and the shared scopes), into memory instead of stderr.
/// </summary>
internal sealed class JsonLogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConsoleFormatter _formatter;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    private JsonLogCapture(ConsoleFormatter formatter) => _formatter = formatter;

    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>Adds the capture to the bot's services; the bot must run with <c>--Logging:Format=json</c>.</summary>
    public static void Register(IServiceCollection services, Action<JsonLogCapture> created) =>
        services.AddSingleton<ILoggerProvider>(sp =>
        {
            var capture = new JsonLogCapture(sp.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json));
            created(capture);
            return capture;
        });

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(JsonLogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            using var writer = new StringWriter();
            owner._formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), owner._scopes, writer);
            foreach (var line in writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                owner.Lines.Enqueue(line);
            }
        }
    }
}
