using System.Buffers.Binary;
using System.Globalization;
using BackendPrep.Bot.Features.Progress;
using BackendPrep.Bot.Hosting;
using BackendPrep.Bot.Interactions;
using BackendPrep.Bot.Transports;
using BackendPrep.Bot.Transports.Console;
using BackendPrep.Core.Drills;
using BackendPrep.Core.Replies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace BackendPrep.Bot.Tests.Progress;

/// <summary>The real host's services with a fake clock and drill histories the test sets, dispatching as several members.</summary>
internal sealed class ProgressHarness : IDisposable
{
    private readonly IHost _host;
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"bp-progress-{Guid.NewGuid():N}.db");
    private long _sequence;

    public ProgressHarness(string contentRoot)
    {
        var builder = BotHost.CreateBuilder(
            ["--Bot:Console=true", $"--Content:Path={contentRoot}", $"--Storage:Path={_db}", "--Discord:Token="],
            new ConsoleIO(TextReader.Null, TextWriter.Null, Interactive: false));
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.AddSingleton<IDrillHistory>(Drills);
        builder.Services.AddSingleton<IChannelMessenger>(Posts);
        _host = builder.Build();
        Router = _host.Services.GetRequiredService<InteractionRouter>();
    }

    public static readonly Member Alice = new("100000000000000001", "alice");
    public static readonly Member Bob = new("100000000000000002", "bob");
    public static readonly Member Carol = new("100000000000000003", "carol");

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    public FakeDrillHistory Drills { get; } = new();

    public PostedReplies Posts { get; } = new();

    public InteractionRouter Router { get; }

    public IServiceProvider Services => _host.Services;

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public async Task<Reply> RunAsync(Invocation invocation)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return Assert.IsType<MessageResponse>(await Router.DispatchAsync(invocation, scope.ServiceProvider, CancellationToken.None)).Reply;
    }

    public Task<Reply> CommandAsync(Member user, string command, params (string Name, string Value)[] options) =>
        RunAsync(New(InvocationKind.Command, user) with { Command = command, Options = options.ToDictionary(o => o.Name, o => o.Value) });

    public Task<Reply> PressAsync(Member user, string action) => RunAsync(New(InvocationKind.Component, user) with { Action = action });

    public Invocation New(InvocationKind kind, Member user, string guild = "guild-1") => new()
    {
        Kind = kind,
        Id = Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture),
        User = user,
        GuildId = guild,
        ChannelId = "channel-1",
    };

    public static string Text(Reply reply) => ConsoleRenderer.Render(reply);

    public static string Action(Reply reply, string labelStart) =>
        reply.Rows.SelectMany(r => r.Controls).OfType<Button>().First(b => b.Label.StartsWith(labelStart, StringComparison.Ordinal)).Action;

    /// <summary>Width and height from a PNG's IHDR chunk, after checking the signature.</summary>
    public static (int Width, int Height) PngSize(ReadOnlySpan<byte> png)
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.True(png.Length > 33 && png[..8].SequenceEqual(signature), "not a PNG");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png.Slice(12, 4)));
        Assert.Equal(13, BinaryPrimitives.ReadInt32BigEndian(png.Slice(8, 4)));
        return (BinaryPrimitives.ReadInt32BigEndian(png.Slice(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.Slice(20, 4)));
    }

    public void Dispose()
    {
        _host.Dispose();
        File.Delete(_db);
        File.Delete(Path.ChangeExtension(_db, null) + "-log.db");
    }
}

/// <summary>What the bot posted on its own (the weekly digest), by channel.</summary>
internal sealed class PostedReplies : IChannelMessenger
{
    public System.Collections.Concurrent.ConcurrentQueue<(Destination To, Reply Reply)> Log { get; } = new();

    public Task<PostedMessage> PostAsync(Destination destination, Reply reply, CancellationToken cancellationToken)
    {
        Log.Enqueue((destination, reply));
        return Task.FromResult(new PostedMessage(destination.ChannelId ?? "dm", $"m{Log.Count}"));
    }

    public Task EditAsync(PostedMessage message, Reply reply, CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class FakeDrillHistory : IDrillHistory
{
    private static readonly MemorySnapshot Seen = new(CardState.Review, 3, 5, DateTimeOffset.UnixEpoch);

    public Dictionary<string, List<ReviewLog>> Reviews { get; } = [];

    public Dictionary<string, TimeZoneInfo> Zones { get; } = [];

    public void AddDaily(string userId, DateTimeOffset now, int days, int perDay, Rating rating = Rating.Good)
    {
        var list = Reviews.TryGetValue(userId, out var l) ? l : Reviews[userId] = [];
        for (var d = 0; d < days; d++)
        {
            for (var i = 0; i < perDay; i++)
            {
                list.Add(new ReviewLog($"card{i}", now.AddDays(-d).AddMinutes(-i), rating, 1, Seen, Seen));
            }
        }
    }

    public Task<IReadOnlyList<ReviewLog>> ReviewsAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReviewLog>>(Reviews.TryGetValue(userId, out var l) ? [.. l] : []);

    public Task<IReadOnlyList<ReviewMoment>> MomentsAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReviewMoment>>(Reviews.TryGetValue(userId, out var l) ? [.. l.OrderBy(r => r.At).Select(ReviewMoment.Of)] : []);

    public Task<IReadOnlyList<ReviewCard>> CardsAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReviewCard>>([]);

    public Task<TimeZoneInfo> ZoneAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(Zones.GetValueOrDefault(userId, TimeZoneInfo.Utc));
}
