using BackendPrep.Core.Replies;
using BackendPrep.Core.Text;
using Microsoft.Extensions.Logging;

namespace BackendPrep.Bot.Interactions;

/// <summary>
/// Dispatches an invocation to the feature that declared it, and turns every failure into a short private reply:
/// unknown routes, someone else's buttons, outdated buttons, missing permissions, bad input and handler crashes.
/// </summary>
public sealed class InteractionRouter
{
    private readonly ILogger<InteractionRouter> _log;
    private readonly RouterMetrics _metrics;
    private readonly TimeProvider _time;

    public InteractionRouter(IEnumerable<RouteRegistration> registrations, ILogger<InteractionRouter> log, RouterMetrics? metrics = null, TimeProvider? time = null)
    {
        _log = log;
        _metrics = metrics ?? new RouterMetrics();
        _time = time ?? TimeProvider.System;
        foreach (var registration in registrations)
        {
            registration.Apply(Routes);
        }
    }

    public RouteTable Routes { get; } = new();

    /// <summary>Whether the transport may defer this invocation, and with which visibility; decided before running it.</summary>
    public (bool MayDefer, Visibility Visibility) Plan(Invocation invocation)
    {
        if (invocation.Kind == InvocationKind.Autocomplete)
        {
            return (false, Visibility.Private);
        }

        if (invocation.Kind == InvocationKind.Component)
        {
            var opensForm = CustomId.TryParse(invocation.Action, out var id, out _) && Routes.ComponentOpensForm(id.Route);
            return (!opensForm, Visibility.Private);
        }

        if (invocation.Kind != InvocationKind.Command || Routes.FindCommand(invocation.Command) is not { } spec)
        {
            return (true, Visibility.Private);
        }

        // A command that posts its public output as a channel message answers the invoker privately.
        var isPublic = !spec.PostsPublicly && (spec.Visibility == Visibility.Public || invocation.Flag("public"));
        return (!spec.OpensForm, isPublic ? Visibility.Public : Visibility.Private);
    }

    public async ValueTask<Response> DispatchAsync(Invocation invocation, IServiceProvider services, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var outcome = "ok";
        try
        {
            return invocation.Kind switch
            {
                InvocationKind.Command => await RunCommandAsync(invocation, services, cancellationToken),
                InvocationKind.Component => await RunRouteAsync(invocation, services, Routes.ComponentHandler, cancellationToken),
                InvocationKind.Form => await RunRouteAsync(invocation, services, Routes.FormHandler, cancellationToken),
                InvocationKind.Autocomplete => await RunAutocompleteAsync(invocation, services, cancellationToken),
                _ => Refuse("I can't handle that kind of interaction."),
            };
        }
        catch (UserFacingException ex)
        {
            outcome = "refused";
            return invocation.Kind == InvocationKind.Autocomplete ? new ChoicesResponse([]) : Refuse(ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            outcome = "error";
            var reference = ErrorReference(invocation.Id);
            _log.LogError(ex, "Interaction {InteractionId} ({Kind} {Command}{Action}) failed; reference {Reference}",
                invocation.Id, invocation.Kind, invocation.Command, invocation.Action, reference);
            return invocation.Kind == InvocationKind.Autocomplete
                ? new ChoicesResponse([])
                : Refuse($"Something went wrong on my side, sorry. It has been logged (reference `{reference}`); please try again.");
        }
        finally
        {
            _metrics.Record(invocation, outcome, _time.GetElapsedTime(started));
        }
    }

    private async ValueTask<Response> RunCommandAsync(Invocation invocation, IServiceProvider services, CancellationToken ct)
    {
        if (Routes.FindCommand(invocation.Command) is not { } spec || Routes.CommandHandler(invocation.Command) is not { } run)
        {
            return Refuse(UnknownCommand(invocation.Command));
        }

        if (spec.GuildOnly && invocation.GuildId is null)
        {
            return Refuse($"`/{spec.Name}` only works in a server channel.");
        }

        if (spec.RequiredPermissions != 0 && !invocation.User.Has(spec.RequiredPermissions))
        {
            return Refuse($"`/{spec.Name}` needs the Manage Server permission.");
        }

        // Discord's client never sends a command without its required options; a typed one can.
        var missing = spec.Options.Where(o => o.Required && invocation.Option(o.Name) is null).ToList();
        if (missing.Count > 0)
        {
            var needs = string.Join("; ", missing.Select(o => $"`{o.Name}:` — {o.Description.TrimEnd('.')}"));
            return Refuse($"`/{spec.Name}` needs {needs}.");
        }

        return await run(services, invocation, null, ct);
    }

    private async ValueTask<Response> RunRouteAsync(Invocation invocation, IServiceProvider services, Func<string, RouteHandler?> lookup, CancellationToken ct)
    {
        if (!CustomId.TryParse(invocation.Action, out var id, out var outdated))
        {
            return Refuse(outdated
                ? "This button is from an older version of the bot. Run the command again to get a fresh one."
                : "I don't recognise that button.");
        }

        if (!id.IsOwnedBy(invocation.User.Id))
        {
            return Refuse("That belongs to someone else's session, so I left it alone. Run the command yourself to get your own.");
        }

        return lookup(id.Route) is { } run
            ? await run(services, invocation, id, ct)
            : Refuse("That button no longer does anything. Run the command again.");
    }

    private async ValueTask<Response> RunAutocompleteAsync(Invocation invocation, IServiceProvider services, CancellationToken ct)
    {
        var handler = invocation.FocusedOption is { } option ? Routes.AutocompleteHandler(invocation.Command, option) : null;
        return handler is null ? new ChoicesResponse([]) : new ChoicesResponse([.. (await handler(services, invocation, ct)).Take(25)]);
    }

    private static MessageResponse Refuse(string text) => new(Reply.Say(text));

    /// <summary>
    /// Discord's picker never sends an unknown or incomplete command, but a typed one (console, a stale client) can:
    /// a group without its subcommand lists them, a near-miss ("/topics", "/progres") names the command meant.
    /// </summary>
    private string UnknownCommand(string typed)
    {
        var subcommands = Routes.Commands.Where(c => c.Root == typed && c.Sub is not null).Select(c => $"`/{c.Name}`").Order(StringComparer.Ordinal).ToList();
        if (subcommands.Count > 0)
        {
            return $"`/{typed}` needs a subcommand: {string.Join(", ", subcommands)}.";
        }

        var nearest = Routes.Commands.Select(c => c.Root).Distinct(StringComparer.Ordinal)
            .Select(name => (Name: name, Distance: EditDistance.Between(typed, name)))
            .Where(x => x.Distance <= Math.Max(1, x.Name.Length / 3))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return nearest.Name is null
            ? $"I don't know `/{typed}`. Try `/help` for the list of commands."
            : $"I don't know `/{typed}`. Did you mean `/{nearest.Name}`? `/help` lists every command.";
    }

    /// <summary>A short reference a user can quote; derived from the interaction id so logs can be searched for it.</summary>
    private static string ErrorReference(string interactionId) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(interactionId)))[..8].ToLowerInvariant();
}
