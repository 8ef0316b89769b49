using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Replies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackendPrep.Bot.Tests;

public sealed class RouterTests
{
    private sealed class Probe
    {
        public List<string> Calls { get; } = [];

        public ValueTask<Response> Echo(Invocation invocation, CustomId? id)
        {
            Calls.Add($"{invocation.Kind}:{invocation.Command}{id?.Route}:{string.Join(',', id?.Args ?? [])}:{string.Join(',', invocation.Options.Select(o => $"{o.Key}={o.Value}"))}");
            return ValueTask.FromResult<Response>(Reply.Say("ok"));
        }
    }

    private static readonly Member Alice = new("1", "alice");
    private static readonly Member Bob = new("2", "bob");

    private static (InteractionRouter Router, IServiceProvider Services, Probe Probe) Build()
    {
        var services = new ServiceCollection();
        var probe = new Probe();
        services.AddSingleton(probe);
        services.AddRoutes(r => r
            .Command<Probe>(new CommandSpec("echo", "Echo") { Options = [new OptionSpec("text", "Text")] }, (p, inv, ct) => p.Echo(inv, null))
            .Command<Probe>(new CommandSpec("admin", "Admin") { RequiredPermissions = Member.ManageGuild, GuildOnly = true }, (p, inv, ct) => p.Echo(inv, null))
            .Command<Probe>(new CommandSpec("boom", "Throws"), (p, inv, ct) => throw new InvalidOperationException("secret detail"))
            .Command<Probe>(new CommandSpec("refuse", "Refuses"), (p, inv, ct) => throw new UserFacingException("No such topic: x"))
            .Command<Probe>(new CommandSpec("form", "Opens a form") { OpensForm = true }, (p, inv, ct) => p.Echo(inv, null))
            .Component<Probe>("thing.press", (p, inv, id, ct) => p.Echo(inv, id))
            .Form<Probe>("thing.submit", (p, inv, id, ct) => p.Echo(inv, id))
            .Autocomplete<Probe>("echo", "text", (p, inv, ct) => ValueTask.FromResult<IReadOnlyList<Choice>>(
                [.. Enumerable.Range(0, 40).Select(i => new Choice($"c{i}", $"{inv.FocusedValue}{i}"))])));
        var provider = services.BuildServiceProvider();
        return (new InteractionRouter(provider.GetServices<RouteRegistration>(), NullLogger<InteractionRouter>.Instance), provider, probe);
    }

    private static Invocation Make(InvocationKind kind, Member user, string command = "", string? action = null) => new()
    {
        Kind = kind,
        Id = "42",
        User = user,
        GuildId = "g",
        Command = command,
        Action = action,
    };

    private static string Text(Response response) => Assert.IsType<MessageResponse>(response).Reply.Text ?? "";

    [Fact]
    public async Task Commands_components_and_forms_reach_their_handlers_with_typed_arguments()
    {
        var (router, services, probe) = Build();

        await router.DispatchAsync(Make(InvocationKind.Command, Alice, "echo") with { Options = new Dictionary<string, string> { ["text"] = "hi" } }, services, default);
        await router.DispatchAsync(Make(InvocationKind.Component, Alice, action: CustomId.For("thing.press", "1", "a", "b")), services, default);
        await router.DispatchAsync(Make(InvocationKind.Form, Alice, action: CustomId.For("thing.submit", "1", "x")), services, default);

        Assert.Equal(["Command:echo::text=hi", "Component:thing.press:a,b:", "Form:thing.submit:x:"], probe.Calls);
    }

    [Fact]
    public async Task Someone_elses_button_is_refused_politely_and_not_run()
    {
        var (router, services, probe) = Build();

        var response = await router.DispatchAsync(Make(InvocationKind.Component, Bob, action: CustomId.For("thing.press", Alice.Id)), services, default);

        Assert.Contains("belongs to someone else", Text(response), StringComparison.Ordinal);
        Assert.Empty(probe.Calls);
    }

    [Fact]
    public async Task Anyone_may_press_a_button_owned_by_star()
    {
        var (router, services, probe) = Build();

        await router.DispatchAsync(Make(InvocationKind.Component, Bob, action: CustomId.For("thing.press", CustomId.Anyone)), services, default);

        Assert.Single(probe.Calls);
    }

    [Theory]
    [InlineData("thing.press:v0:1", "older version")]
    [InlineData("garbage", "don't recognise")]
    [InlineData("nothing.here:v1:1", "no longer does anything")]
    public async Task Outdated_forged_and_unknown_custom_ids_are_refused(string action, string expected)
    {
        var (router, services, probe) = Build();

        var response = await router.DispatchAsync(Make(InvocationKind.Component, Alice, action: action), services, default);

        Assert.Contains(expected, Text(response), StringComparison.Ordinal);
        Assert.Empty(probe.Calls);
    }

    [Fact]
    public async Task Handler_exception_becomes_a_short_reply_with_a_reference_and_no_detail()
    {
        var (router, services, _) = Build();

        var text = Text(await router.DispatchAsync(Make(InvocationKind.Command, Alice, "boom"), services, default));

        Assert.Contains("Something went wrong", text, StringComparison.Ordinal);
        Assert.Matches("reference `[0-9a-f]{8}`", text);
        Assert.DoesNotContain("secret detail", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_facing_errors_are_shown_as_written()
    {
        var (router, services, _) = Build();

        Assert.Equal("No such topic: x", Text(await router.DispatchAsync(Make(InvocationKind.Command, Alice, "refuse"), services, default)));
    }

    [Fact]
    public async Task Permissions_and_guild_only_are_checked_on_our_side()
    {
        var (router, services, probe) = Build();

        var denied = await router.DispatchAsync(Make(InvocationKind.Command, Alice, "admin"), services, default);
        var inDm = await router.DispatchAsync(Make(InvocationKind.Command, Alice with { Permissions = Member.ManageGuild }, "admin") with { GuildId = null }, services, default);
        await router.DispatchAsync(Make(InvocationKind.Command, Alice with { Permissions = Member.Administrator }, "admin"), services, default);

        Assert.Contains("Manage Server", Text(denied), StringComparison.Ordinal);
        Assert.Contains("only works in a server", Text(inDm), StringComparison.Ordinal);
        Assert.Single(probe.Calls);
    }

    [Fact]
    public async Task Autocomplete_is_capped_at_25_choices()
    {
        var (router, services, _) = Build();

        var response = await router.DispatchAsync(Make(InvocationKind.Autocomplete, Alice, "echo") with { FocusedOption = "text", FocusedValue = "x" }, services, default);

        Assert.Equal(25, Assert.IsType<ChoicesResponse>(response).Choices.Count);
    }

    [Fact]
    public void Plan_never_defers_forms_or_autocomplete_and_honours_public()
    {
        var (router, _, _) = Build();

        Assert.False(router.Plan(Make(InvocationKind.Command, Alice, "form")).MayDefer);
        Assert.False(router.Plan(Make(InvocationKind.Autocomplete, Alice, "echo")).MayDefer);
        var plan = router.Plan(Make(InvocationKind.Command, Alice, "echo") with { Options = new Dictionary<string, string> { ["public"] = "true" } });
        Assert.Equal((true, Visibility.Public), plan);
    }

    [Fact]
    public void Custom_ids_round_trip_and_reject_overlong_or_colon_arguments()
    {
        var text = CustomId.For("topic.section", "123", "caching", "Diagram");

        Assert.True(CustomId.TryParse(text, out var id, out _));
        Assert.Equal(new[] { "caching", "Diagram" }, id.Args);
        Assert.Throws<ArgumentException>(() => CustomId.For("r", "1", "a:b"));
        Assert.Throws<InvalidOperationException>(() => CustomId.For("r", "1", new string('x', 100)));
    }
}
