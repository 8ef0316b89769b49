using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using BackendPrep.Discord;
using BackendPrep.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace BackendPrep.Bot.Tests.Discord.Chaos;

/// <summary>
/// What a test sees of a running bot from outside: its clock (fake), the gateway's health, the dispatches its gateway
/// handed on (<see cref="DeliveryLog"/>), its own Discord counters (read from its meter factory, so parallel tests'
/// bots do not mix in) and every log line at Warning or above.
/// </summary>
internal sealed class BotProbe : IHostedService, ILoggerProvider
{
    private readonly ConcurrentDictionary<string, long> _counters = new(StringComparer.Ordinal);
    private MeterListener? _listener;
    private IServiceProvider? _services;

    public BotProbe(DateTimeOffset start) => Time = new FakeTimeProvider(start);

    public FakeTimeProvider Time { get; }

    public DeliveryLog Deliveries { get; } = new();

    public ConcurrentQueue<(LogLevel Level, string Category, string Text)> Logs { get; } = new();

    public IEnumerable<string> Problems => Logs.Where(l => l.Level >= LogLevel.Error).Select(l => $"{l.Level} {l.Category}: {l.Text}");

    public GatewayHealth Gateway => Services.GetRequiredService<ShardedGateway>().Health.Single();

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("the bot has not started");

    /// <summary>Registered last, so the fake clock, the recording channel and the log capture win.</summary>
    public void Configure(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<Channel<GatewayDispatch>>(Deliveries);
        services.AddSingleton<ILoggerProvider>(this);
        services.AddSingleton<IHostedService>(sp =>
        {
            _services = sp;
            return this;
        });
    }

    /// <summary>A counter of the meter "BackendPrep.Discord", summed over series whose tags include <paramref name="tag"/>.</summary>
    public long Counter(string name, string? tag = null) =>
        _counters.Where(c => c.Key.StartsWith(name + "|", StringComparison.Ordinal) && (tag is null || c.Key.Contains("|" + tag + "|", StringComparison.Ordinal)))
            .Sum(c => c.Value);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var factory = Services.GetRequiredService<IMeterFactory>();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == DiscordMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name + "|" + string.Concat(tags.ToArray().Select(t => $"{t.Key}={t.Value}|"));
            _counters.AddOrUpdate(key, value, (_, v) => v + value);
        });
        _listener.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ILogger CreateLogger(string categoryName) => new Capture(this, categoryName);

    public void Dispose() => _listener?.Dispose();

    private sealed class Capture(BotProbe probe, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                probe.Logs.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : " " + exception)));
            }
        }
    }
}
