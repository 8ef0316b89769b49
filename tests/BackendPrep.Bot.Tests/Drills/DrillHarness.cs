using BackendPrep.Bot.Features.Drills;
using BackendPrep.Bot.Interactions;
using BackendPrep.Content;
using BackendPrep.Core.Grading;
using BackendPrep.Core.Replies;
using BackendPrep.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BackendPrep.Bot.Tests.Drills;

/// <summary>The drills feature on a real router, content and temp LiteDB, without a transport: dispatch and inspect replies.</summary>
internal sealed class DrillHarness : IDisposable
{
    private readonly TempContent _content;
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"bp-drill-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider _services;
    private int _ids;

    public DrillHarness(int cues = 3)
    {
        _content = DrillContent.WithCues(cues);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(ContentLoader.LoadOrThrow(_content.Root));
        services.AddSingleton(new LiteDbStore(_db));
        services.AddSingleton<AnswerGrader>();
        services.AddDrills();
        _services = services.BuildServiceProvider();
        Router = new InteractionRouter(_services.GetServices<RouteRegistration>(), NullLogger<InteractionRouter>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));

    public InteractionRouter Router { get; }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async Task<Reply> CommandAsync(Member user, string command, params (string Name, string Value)[] options) =>
        ReplyOf(await DispatchAsync(new Invocation
        {
            Kind = InvocationKind.Command,
            Id = Next(),
            User = user,
            GuildId = "g1",
            Command = command,
            Options = options.ToDictionary(o => o.Name, o => o.Value),
        }));

    public async Task<Response> PressAsync(Member user, string action) =>
        await DispatchAsync(new Invocation { Kind = InvocationKind.Component, Id = Next(), User = user, GuildId = "g1", Action = action });

    public async Task<Response> DispatchAsync(Invocation invocation)
    {
        using var scope = _services.CreateScope();
        return await Router.DispatchAsync(invocation, scope.ServiceProvider, default);
    }

    public static Reply ReplyOf(Response response) => Assert.IsType<MessageResponse>(response).Reply;

    public static string Button(Reply reply, string labelStart) =>
        reply.Rows.SelectMany(r => r.Controls).OfType<Button>().First(b => b.Label.StartsWith(labelStart, StringComparison.Ordinal)).Action;

    public void Dispose()
    {
        _services.Dispose();
        File.Delete(_db);
        _content.Dispose();
    }

    private string Next() => Interlocked.Increment(ref _ids).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
