using System.Collections.Concurrent;
using System.Globalization;
using BackendPrep.Bot.Hosting;
using BackendPrep.Bot.Interactions;
using BackendPrep.Bot.Transports;
using BackendPrep.Bot.Transports.Console;
using BackendPrep.Core.Replies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace BackendPrep.Bot.Tests.Prompts;

/// <summary>
/// The real host's services (content, LiteDB, features, router) without a transport: tests dispatch invocations as
/// several members and read what the channel messenger was asked to post and edit.
/// </summary>
internal sealed class PromptHarness : IDisposable
{
    private readonly IHost _host;
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"bp-prompt-{Guid.NewGuid():N}.db");
    private long _sequence;

    public PromptHarness(string contentRoot, Action<IServiceCollection>? configure = null)
    {
        var builder = BotHost.CreateBuilder(
            ["--Bot:Console=true", $"--Content:Path={contentRoot}", $"--Storage:Path={_db}", "--Discord:Token="],
            new ConsoleIO(TextReader.Null, TextWriter.Null, Interactive: false));
        builder.Services.AddSingleton<IChannelMessenger>(Messenger);
        builder.Services.AddSingleton<TimeProvider>(Time);
        configure?.Invoke(builder.Services);
        _host = builder.Build();
        Router = _host.Services.GetRequiredService<InteractionRouter>();
    }

    public static readonly Member Alice = new("100000000000000001", "alice");
    public static readonly Member Bob = new("100000000000000002", "bob");
    public static readonly Member Carol = new("100000000000000003", "carol");

    public RecordingMessenger Messenger { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    public InteractionRouter Router { get; }

    public IServiceProvider Services => _host.Services;

    public async Task<Response> RunAsync(Invocation invocation)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await Router.DispatchAsync(invocation, scope.ServiceProvider, CancellationToken.None);
    }

    public Task<Response> CommandAsync(Member user, string command, params (string Name, string Value)[] options) =>
        RunAsync(New(InvocationKind.Command, user) with { Command = command, Options = options.ToDictionary(o => o.Name, o => o.Value) });

    public Task<Response> PressAsync(Member user, string action) => RunAsync(New(InvocationKind.Component, user) with { Action = action });

    public Task<Response> SubmitAsync(Member user, string action, string answer) =>
        RunAsync(New(InvocationKind.Form, user) with { Action = action, Fields = new Dictionary<string, string> { ["answer"] = answer } });

    public Invocation New(InvocationKind kind, Member user) => new()
    {
        Kind = kind,
        Id = Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture),
        User = user,
        GuildId = "guild-1",
        ChannelId = "channel-1",
    };

    public static Reply ReplyOf(Response response) => Assert.IsType<MessageResponse>(response).Reply;

    public static string Text(Response response) => ConsoleRenderer.Render(ReplyOf(response));

    public static Form FormOf(Response response) => Assert.IsType<FormResponse>(response).Form;

    /// <summary>The action of the button labelled <paramref name="label"/>.</summary>
    public static string Action(Reply reply, string label) =>
        reply.Rows.SelectMany(r => r.Controls).OfType<Button>().First(b => b.Label == label).Action;

    public static string Action(Response response, string label) => Action(ReplyOf(response), label);

    public void Dispose()
    {
        _host.Dispose();
        File.Delete(_db);
        File.Delete(Path.ChangeExtension(_db, null) + "-log.db");
    }
}

/// <summary>Posts and edits as the group round asked for them, in order.</summary>
internal sealed class RecordingMessenger : IChannelMessenger
{
    private long _next;

    public ConcurrentQueue<(string Kind, PostedMessage Message, Reply Reply)> Log { get; } = new();

    public IReadOnlyList<Reply> Edits => [.. Log.Where(l => l.Kind == "edit").Select(l => l.Reply)];

    public Task<PostedMessage> PostAsync(Destination destination, Reply reply, CancellationToken cancellationToken)
    {
        var message = new PostedMessage(destination.ChannelId!, $"m{Interlocked.Increment(ref _next)}");
        Log.Enqueue(("post", message, reply));
        return Task.FromResult(message);
    }

    public Task EditAsync(PostedMessage message, Reply reply, CancellationToken cancellationToken)
    {
        Log.Enqueue(("edit", message, reply));
        return Task.CompletedTask;
    }
}
