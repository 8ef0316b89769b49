using BackendPrep.Core.Replies;
using Microsoft.Extensions.DependencyInjection;

namespace BackendPrep.Bot.Interactions;

public delegate ValueTask<Response> RouteHandler(IServiceProvider services, Invocation invocation, CustomId? route, CancellationToken cancellationToken);

public delegate ValueTask<IReadOnlyList<Choice>> ChoicesHandler(IServiceProvider services, Invocation invocation, CancellationToken cancellationToken);

/// <summary>
/// Every command, control route and form route the features declare, in one place, so dispatch, <c>/help</c> and
/// command registration all read the same list and cannot drift apart.
/// </summary>
public sealed class RouteTable
{
    private readonly Dictionary<string, (CommandSpec Spec, RouteHandler Run)> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RouteHandler> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RouteHandler> _forms = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Command, string Option), ChoicesHandler> _autocomplete = [];
    private readonly HashSet<string> _formOpeners = new(StringComparer.Ordinal);

    public IEnumerable<CommandSpec> Commands => _commands.Values.Select(c => c.Spec);

    public RouteTable Command<THandler>(CommandSpec spec, Func<THandler, Invocation, CancellationToken, ValueTask<Response>> run)
        where THandler : notnull
    {
        if (!_commands.TryAdd(spec.Name, (spec, (sp, inv, _, ct) => run(sp.GetRequiredService<THandler>(), inv, ct))))
        {
            throw new InvalidOperationException($"command /{spec.Name} is registered twice");
        }

        return this;
    }

    /// <summary>
    /// A button or select route. <paramref name="opensForm"/> marks routes that answer with a modal: Discord accepts a
    /// modal only as the first response, so the transport must never defer them.
    /// </summary>
    public RouteTable Component<THandler>(string route, Func<THandler, Invocation, CustomId, CancellationToken, ValueTask<Response>> run, bool opensForm = false)
        where THandler : notnull
    {
        if (opensForm)
        {
            _formOpeners.Add(route);
        }

        return Add(_components, route, run);
    }

    public bool ComponentOpensForm(string route) => _formOpeners.Contains(route);

    public RouteTable Form<THandler>(string route, Func<THandler, Invocation, CustomId, CancellationToken, ValueTask<Response>> run)
        where THandler : notnull => Add(_forms, route, run);

    public RouteTable Autocomplete<THandler>(string command, string option, Func<THandler, Invocation, CancellationToken, ValueTask<IReadOnlyList<Choice>>> run)
        where THandler : notnull
    {
        _autocomplete[(command, option)] = (sp, inv, ct) => run(sp.GetRequiredService<THandler>(), inv, ct);
        return this;
    }

    public bool ComponentRouteExists(string route) => _components.ContainsKey(route);

    public CommandSpec? FindCommand(string name) => _commands.TryGetValue(name, out var c) ? c.Spec : null;

    internal RouteHandler? CommandHandler(string name) => _commands.TryGetValue(name, out var c) ? c.Run : null;

    internal RouteHandler? ComponentHandler(string route) => _components.GetValueOrDefault(route);

    internal RouteHandler? FormHandler(string route) => _forms.GetValueOrDefault(route);

    internal ChoicesHandler? AutocompleteHandler(string command, string option) => _autocomplete.GetValueOrDefault((command, option));

    private RouteTable Add<THandler>(Dictionary<string, RouteHandler> table, string route, Func<THandler, Invocation, CustomId, CancellationToken, ValueTask<Response>> run)
        where THandler : notnull
    {
        if (route.Contains(':', StringComparison.Ordinal) || !table.TryAdd(route, (sp, inv, id, ct) => run(sp.GetRequiredService<THandler>(), inv, id!, ct)))
        {
            throw new InvalidOperationException($"route \"{route}\" is invalid or registered twice");
        }

        return this;
    }
}

/// <summary>How a feature adds its routes; the router applies every registration once at start.</summary>
public sealed record RouteRegistration(Action<RouteTable> Apply);

public static class RouteRegistrationExtensions
{
    public static IServiceCollection AddRoutes(this IServiceCollection services, Action<RouteTable> apply) =>
        services.AddSingleton(new RouteRegistration(apply));
}
