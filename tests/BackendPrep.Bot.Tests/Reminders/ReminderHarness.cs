using System.Diagnostics.Metrics;
using BackendPrep.Bot.Features.Reminders;
using BackendPrep.Bot.Tests.Drills;
using BackendPrep.Bot.Transports;
using BackendPrep.Content;
using BackendPrep.Core.Reminders;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Study;
using BackendPrep.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BackendPrep.Bot.Tests.Reminders;

/// <summary>Records posts; can fail deliveries or "crash" (throw a non-delivery error) to simulate a process dying mid-post.</summary>
internal sealed class FakeMessenger : IChannelMessenger
{
    public List<(Destination To, Reply Reply)> Posts { get; } = [];

    public int Attempts { get; private set; }

    public DeliveryFailure? Fail { get; set; }

    public bool Crash { get; set; }

    public Task<PostedMessage> PostAsync(Destination destination, Reply reply, CancellationToken cancellationToken)
    {
        Attempts++;
        if (Crash)
        {
            throw new InvalidOperationException("process died mid-post");
        }

        if (Fail is { } failure)
        {
            throw new DeliveryException(failure, failure.ToString());
        }

        lock (Posts)
        {
            Posts.Add((destination, reply));
        }

        return Task.FromResult(new PostedMessage(destination.ChannelId ?? "dm", Posts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public Task EditAsync(PostedMessage message, Reply reply, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A reminder service over a temp LiteDB file that can be "restarted" (database closed and reopened).</summary>
internal sealed class ReminderHarness : IDisposable
{
    private readonly TempContent _content = DrillContent.WithCues(5);
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"bp-remind-{Guid.NewGuid():N}.db");
    private readonly StudyContent _study;
    private LiteDbStore _store;
    private readonly ServiceProvider _meterServices = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private ReminderMetrics? _metrics;

    public ReminderHarness(DateTimeOffset start)
    {
        Time = new FakeTimeProvider(start);
        _study = ContentLoader.LoadOrThrow(_content.Root);
        _store = new LiteDbStore(_db);
        Open();
    }

    public FakeTimeProvider Time { get; }

    public FakeMessenger Messenger { get; } = new();

    public ReminderStore Reminders { get; private set; } = null!;

    public DrillSettingsStore Settings { get; private set; } = null!;

    public ReviewStore Reviews { get; private set; } = null!;

    public ReminderService Service { get; private set; } = null!;

    public TimeSpan Grace { get; set; } = TimeSpan.FromHours(6);

    /// <summary>A meter factory of this harness's own, so parallel tests never count into each other's instruments.</summary>
    public IMeterFactory Meters => _meterServices.GetRequiredService<IMeterFactory>();

    public ReminderMetrics Metrics => _metrics ??= new ReminderMetrics(Meters);

    public void Restart()
    {
        _store.Dispose();
        _store = new LiteDbStore(_db);
        Open();
    }

    public Task SetAsync(string guildId, string time, string zone, string? days = null) =>
        Reminders.SaveAsync(new ReminderConfig(ReminderConfig.GroupId(guildId), ReminderKind.Group,
            new ReminderSchedule(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), zone, ReminderSchedule.ParseDays(days)!))
        { GuildId = guildId, ChannelId = $"chan-{guildId}" }, default);

    public ReminderCommands Commands() => new(Reminders, new ReminderSignal(), Time);

    public void Dispose()
    {
        _meterServices.Dispose();
        _store.Dispose();
        File.Delete(_db);
        _content.Dispose();
    }

    private void Open()
    {
        Reminders = new ReminderStore(_store);
        Settings = new DrillSettingsStore(_store);
        Reviews = new ReviewStore(_store);
        Service = new ReminderService(Reminders, Settings, new ReminderMessages(_study, Reviews, Settings), Messenger, new ReminderSignal(),
            new OptionsWrapper<RemindersOptions>(new RemindersOptions { GraceWindow = Grace }), Time, NullLogger<ReminderService>.Instance, Metrics);
    }
}
