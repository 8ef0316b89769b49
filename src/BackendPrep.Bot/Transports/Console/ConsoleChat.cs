using System.Globalization;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Replies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackendPrep.Bot.Transports.Console;

/// <summary>The terminal's two ends; tests swap in string readers and writers.</summary>
public sealed record ConsoleIO(TextReader Input, TextWriter Output, bool Interactive)
{
    public static ConsoleIO Standard() => new(System.Console.In, System.Console.Out, !System.Console.IsInputRedirected);
}

/// <summary>
/// The local chat: the same router, handlers and database as Discord, driven from a terminal. Reads commands line by
/// line; at the end of piped input it stops the host so scripted sessions exit 0.
/// </summary>
internal sealed class ConsoleChat(
    ConsoleIO io,
    ConsoleUser user,
    InteractionRouter router,
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    TimeProvider time) : BackgroundService
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private IReadOnlyList<Control> _controls = [];
    private long _sequence;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and its start-up logs print) before the banner.
        await Task.Yield();
        await WriteAsync(Banner, stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (io.Interactive)
                {
                    await io.Output.WriteAsync("> ");
                    await io.Output.FlushAsync(stoppingToken);
                }

                var line = await io.Input.ReadLineAsync(stoppingToken);
                if (line is null)
                {
                    break;
                }

                await HandleLineAsync(line.Trim(), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        lifetime.StopApplication();
    }

    /// <summary>Writes a message that arrives on its own (a timer firing, a reminder) between the user's commands.</summary>
    public async Task PostAsync(Reply reply, CancellationToken cancellationToken)
    {
        _controls = ConsoleRenderer.Controls(reply);
        await WriteAsync(ConsoleRenderer.Render(reply), cancellationToken);
    }

    private const string Banner =
        "BackendPrep local console: no Discord token is configured, so you are chatting with the bot here.\n" +
        "To connect to Discord, set BACKENDPREP_Discord__Token (see README). Type /help for commands, a number to press a button, quit to leave.";

    private async Task HandleLineAsync(string line, CancellationToken ct)
    {
        if (line.Length == 0 || line.StartsWith('#'))
        {
            return;
        }

        if (line is "quit" or "exit")
        {
            lifetime.StopApplication();
            return;
        }

        if (line.StartsWith('/'))
        {
            var parsed = ConsoleCommandLine.Parse(line, router.Routes);
            if (parsed is null)
            {
                return;
            }

            var (command, options) = parsed.Value;
            var kind = options.Keys.FirstOrDefault(k => options[k].EndsWith('?')) is { } focused ? InvocationKind.Autocomplete : InvocationKind.Command;
            var invocation = NewInvocation(kind) with { Command = command, Options = options };
            if (kind == InvocationKind.Autocomplete)
            {
                var name = options.Keys.First(k => options[k].EndsWith('?'));
                invocation = invocation with { FocusedOption = name, FocusedValue = options[name].TrimEnd('?') };
            }

            await RunAsync(invocation, ct);
            return;
        }

        if (TryPress(line, out var press))
        {
            await RunAsync(press, ct);
            return;
        }

        await WriteAsync("Type a command starting with / (try /help), or the number of a button.", ct);
    }

    private bool TryPress(string line, out Invocation invocation)
    {
        invocation = null!;
        var parts = line.Split('.', 2);
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > _controls.Count)
        {
            return false;
        }

        var control = _controls[n - 1];
        if (control is Button { Disabled: false } button)
        {
            invocation = NewInvocation(InvocationKind.Component) with { Action = button.Action };
            return true;
        }

        if (control is Select select && parts.Length == 2
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c >= 1 && c <= select.Choices.Count)
        {
            invocation = NewInvocation(InvocationKind.Component) with { Action = select.Action, Selected = [select.Choices[c - 1].Value] };
            return true;
        }

        return false;
    }

    private async Task RunAsync(Invocation invocation, CancellationToken ct)
    {
        Response response;
        await using (var scope = scopes.CreateAsyncScope())
        {
            response = await router.DispatchAsync(invocation, scope.ServiceProvider, ct);
        }

        switch (response)
        {
            case MessageResponse message:
                await PostAsync(message.Reply, ct);
                break;
            case ChoicesResponse choices:
                await WriteAsync(ConsoleRenderer.Render(choices.Choices), ct);
                break;
            case FormResponse form:
                await FillFormAsync(form.Form, ct);
                break;
        }
    }

    /// <summary>Asks for each field on its own line, as Discord's modal would show them together.</summary>
    private async Task FillFormAsync(Form form, CancellationToken ct)
    {
        await WriteAsync($"== {form.Title} == (one line per field; an empty line leaves an optional field blank)", ct);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in form.Fields)
        {
            await WriteAsync($"{field.Label}:", ct);
            var value = await io.Input.ReadLineAsync(ct) ?? "";
            if (IsCommand(value))
            {
                // Like dismissing a modal: nothing is sent. "/api/orders times out" is still an answer.
                await WriteAsync("(Form closed without sending; nothing was saved.)", ct);
                await HandleLineAsync(value.Trim(), ct);
                return;
            }

            values[field.Id] = value.Replace("\\n", "\n", StringComparison.Ordinal);
        }

        await RunAsync(NewInvocation(InvocationKind.Form) with { Action = form.Action, Fields = values }, ct);
    }

    private bool IsCommand(string line)
    {
        var text = line.TrimStart();
        if (!text.StartsWith('/'))
        {
            return false;
        }

        var name = text[1..].Split(' ', 2)[0];
        return router.Routes.Commands.Any(c => c.Root == name);
    }

    private Invocation NewInvocation(InvocationKind kind) => new()
    {
        Kind = kind,
        Id = $"console-{time.GetUtcNow().ToUnixTimeMilliseconds()}-{Interlocked.Increment(ref _sequence)}",
        User = user.Member,
        GuildId = user.GuildId,
        ChannelId = user.ChannelId,
    };

    private async Task WriteAsync(string text, CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            await io.Output.WriteLineAsync(text);
            await io.Output.FlushAsync(ct);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}

/// <summary>Who the console user is: a local member of a local "server", with every permission, so all commands work.</summary>
public sealed record ConsoleUser(Member Member, string GuildId, string ChannelId)
{
    public static ConsoleUser Local { get; } = new(new Member("local-user", "you", Member.Administrator), "local-guild", "local-channel");
}
