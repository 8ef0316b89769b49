using System.Net;
using System.Text.Json;
using BackendPrep.Bot.Cli;
using BackendPrep.Bot.Hosting;
using BackendPrep.Bot.Tests.Discord;
using BackendPrep.Bot.Tests.Discord.Http;
using BackendPrep.Bot.Transports.Console;
using BackendPrep.FakeDiscord;
using BackendPrep.Storage;
using BackendPrep.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Tests.Operations;

public sealed class OpsEndpointTests
{
    private static readonly FakeUser Dana = FakeUser.Member(200000000000000021, "dana");

    [Fact]
    public async Task Metrics_scrape_shows_our_instruments_after_a_few_interactions()
    {
        using var ops = new OpsPort();
        var discord = new FakeDiscordServer();
        await discord.StartAsync();
        await using var bot = await BotOnFakeDiscord.StartOnAsync(discord, ops.Register, OpsPort.Args);

        await bot.InteractAsync(FakeInteractions.SlashCommand(Dana, "plan"));
        await bot.InteractAsync(FakeInteractions.SlashCommand(Dana, "topic", """[{"type":3,"name":"name","value":"caching"}]"""));
        var (status, body) = await ops.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, status);
        // Prometheus names: dots become underscores, units and _total are appended by the exporter.
        string[] expected =
        [
            "backendprep_interactions", "backendprep_interaction_duration", "discord_rest_requests", "discord_interactions_handled",
            "discord_interactions_queue_depth", "discord_gateway_state", "discord_gateway_identifies", "backendprep_storage_operation_duration",
        ];
        foreach (var name in expected)
        {
            Assert.Contains("\n" + name, body, StringComparison.Ordinal);
        }

        Assert.Contains("""name="plan""", body, StringComparison.Ordinal);
        Assert.Contains("""state="connected""", body, StringComparison.Ordinal);
        Assert.Contains("""operation="TopicProgressStore.LearnedAsync""", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_router_built_without_a_host_stays_out_of_the_hosts_scrape()
    {
        using var ops = new OpsPort();
        var discord = new FakeDiscordServer();
        await discord.StartAsync();
        await using var bot = await BotOnFakeDiscord.StartOnAsync(discord, ops.Register, OpsPort.Args);
        await bot.InteractAsync(FakeInteractions.SlashCommand(Dana, "plan"));

        // As a test or a tool in the same process does: a router's metrics with no meter factory, same meter name.
        var standalone = new BackendPrep.Bot.Interactions.RouterMetrics();
        var probe = new BackendPrep.Bot.Interactions.Invocation
        {
            Kind = BackendPrep.Bot.Interactions.InvocationKind.Command,
            Id = "1",
            User = new("u1", "u1"),
            Command = "standalone-probe",
        };
        standalone.Record(probe, "ok", TimeSpan.FromMilliseconds(1));
        var (_, body) = await ops.GetAsync("/metrics");

        Assert.Contains("""name="plan""", body, StringComparison.Ordinal);
        Assert.DoesNotContain("standalone-probe", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_keep_the_names_types_labels_and_buckets_of_the_opentelemetry_exporter_they_replaced()
    {
        using var ops = new OpsPort();
        var discord = new FakeDiscordServer();
        await discord.StartAsync();
        await using var bot = await BotOnFakeDiscord.StartOnAsync(discord, ops.Register, OpsPort.Args);
        await bot.InteractAsync(FakeInteractions.SlashCommand(Dana, "plan"));
        var baseUrl = await ops.Address.Bound;
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(baseUrl, "/metrics"));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        // Lines as the OpenTelemetry exporter wrote them in a scrape taken before it was replaced (docs/operations.md);
        // only series recorded before the interaction's answer reached the fake Discord, so none races the scrape.
        string[] golden =
        [
            "# TYPE backendprep_interaction_duration_milliseconds histogram",
            "# HELP backendprep_interaction_duration_milliseconds Time spent in the handler",
            "# TYPE backendprep_interactions_total counter",
            "# HELP backendprep_interactions_total Interactions handled, by kind, command and outcome",
            "# TYPE discord_gateway_dispatches_waits_total counter",
            "# TYPE discord_gateway_identifies_total counter",
            "# TYPE discord_gateway_state gauge",
            "# TYPE discord_interactions_queue_depth gauge",
            "# TYPE discord_rest_requests_total counter",
            "# TYPE backendprep_storage_operation_duration_milliseconds histogram",
            """discord_gateway_state{otel_scope_name="BackendPrep.Discord",shard="0",state="connected"} 1""",
            """discord_gateway_state{otel_scope_name="BackendPrep.Discord",shard="0",state="faulted"} 0""",
            """discord_interactions_queue_depth{otel_scope_name="BackendPrep.Discord"} 0""",
            """backendprep_interactions_total{otel_scope_name="BackendPrep.Bot",kind="Command",name="plan",outcome="ok"} 1""",
            """backendprep_interaction_duration_milliseconds_count{otel_scope_name="BackendPrep.Bot",kind="Command",name="plan",outcome="ok"} 1""",
            """discord_rest_requests_total{otel_scope_name="BackendPrep.Discord",route="GET /gateway/bot",status="200"} 1""",
        ];
        foreach (var line in golden)
        {
            Assert.Contains(line, lines);
        }

        Assert.Equal(
            ["0", "5", "10", "25", "50", "75", "100", "250", "500", "750", "1000", "2500", "5000", "7500", "10000", "+Inf"],
            lines.Where(l => l.StartsWith("backendprep_interaction_duration_milliseconds_bucket{", StringComparison.Ordinal)).Select(l => l.Split("le=\"")[1].Split('"')[0]));
        Assert.Contains(lines, l => l.StartsWith("""discord_gateway_identifies_total{otel_scope_name="BackendPrep.Discord.Gateway"} """, StringComparison.Ordinal));

        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(baseUrl, "/healthz")));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        using var post = await http.PostAsync(new Uri(baseUrl, "/healthz"), content: null);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        using var missing = await http.GetAsync(new Uri(baseUrl, "/nothing"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Healthz_is_200_when_ready_and_503_naming_the_gateway_once_it_is_down()
    {
        using var ops = new OpsPort();
        var discord = new FakeDiscordServer();
        await discord.StartAsync();
        await using var bot = await BotOnFakeDiscord.StartOnAsync(discord, ops.Register, OpsPort.Args);
        // An answered interaction proves READY was processed: it travels the same ordered dispatch stream.
        await bot.InteractAsync(FakeInteractions.SlashCommand(Dana, "plan"));

        var (upStatus, upBody) = await ops.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, upStatus);
        var up = JsonDocument.Parse(upBody).RootElement;
        Assert.Equal("healthy", up.GetProperty("status").GetString());
        Assert.Equal("healthy", up.GetProperty("checks").GetProperty("gateway").GetProperty("status").GetString());
        Assert.Equal("healthy", up.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal("healthy", up.GetProperty("checks").GetProperty("reminders").GetProperty("status").GetString());

        // The session is invalidated and every new identify is refused: the bot stays without READY.
        discord.Gateway.CloseOnIdentify = 4000;
        await discord.Gateway.InvalidateSessionAsync(resumable: false);
        var (downStatus, downBody) = await ops.WaitForHealthAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, downStatus);
        var gateway = JsonDocument.Parse(downBody).RootElement.GetProperty("checks").GetProperty("gateway");
        Assert.Equal("unhealthy", gateway.GetProperty("status").GetString());
        Assert.StartsWith("shard 0 is ", gateway.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_verb_exits_0_against_a_ready_bot_and_1_once_the_gateway_is_down()
    {
        using var ops = new OpsPort();
        var discord = new FakeDiscordServer();
        await discord.StartAsync();
        await using var bot = await BotOnFakeDiscord.StartOnAsync(discord, ops.Register, OpsPort.Args);
        await bot.InteractAsync(FakeInteractions.SlashCommand(Dana, "plan"));
        var port = $"--Ops:Port={(await ops.Address.Bound).Port}";
        using var output = new StringWriter();
        var io = new ConsoleIO(TextReader.Null, output, Interactive: false);

        Assert.Equal(0, await BotProgram.RunAsync(["health", port], io, CancellationToken.None));

        discord.Gateway.CloseOnIdentify = 4000;
        await discord.Gateway.InvalidateSessionAsync(resumable: false);
        await ops.WaitForHealthAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(1, await BotProgram.RunAsync(["health", port], io, CancellationToken.None));
        Assert.Contains("503", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await BotProgram.RunAsync(["health"], io, CancellationToken.None));
    }

    [Fact]
    public async Task Healthz_is_503_naming_storage_when_the_database_cannot_be_written()
    {
        using var ops = new OpsPort();
        var db = Path.Combine(Path.GetTempPath(), $"bp-ops-{Guid.NewGuid():N}.db");
        var store = new LiteDbStore(db);
        var discord = new FakeDiscordServer();
        await discord.StartAsync();
        await using var bot = await BotOnFakeDiscord.StartOnAsync(discord, services =>
        {
            ops.Register(services);
            services.AddSingleton(store);
        }, OpsPort.Args);
        await bot.InteractAsync(FakeInteractions.SlashCommand(Dana, "plan"));
        Assert.Equal(HttpStatusCode.OK, (await ops.GetAsync("/healthz")).Status);

        // Closing the file under the running bot is the fault: every later write fails as on a lost volume.
        store.Dispose();
        var (status, body) = await ops.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var storage = JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("storage");
        Assert.Equal("unhealthy", storage.GetProperty("status").GetString());
        Assert.StartsWith("storage is not writable", storage.GetProperty("reason").GetString(), StringComparison.Ordinal);
        File.Delete(db);
    }

    [Fact]
    public async Task In_http_mode_health_reads_the_interactions_endpoint_instead_of_the_gateway()
    {
        using var ops = new OpsPort();
        await using var bot = await BotOverHttp.StartAsync(ops.Register, OpsPort.Args);

        var (status, body) = await ops.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, status);
        var checks = JsonDocument.Parse(body).RootElement.GetProperty("checks");
        Assert.Equal("healthy", checks.GetProperty("interactions-endpoint").GetProperty("status").GetString());
        Assert.False(checks.TryGetProperty("gateway", out _));
    }

    [Theory]
    [InlineData("--Ops:Port=70000", "Ops:Port")]
    [InlineData("--Ops:Address=localhost-ish", "Ops:Address")]
    public async Task A_bad_ops_setting_fails_the_start_naming_the_key(string arg, string key)
    {
        var db = Path.Combine(Path.GetTempPath(), $"bp-ops-{Guid.NewGuid():N}.db");
        var builder = BotHost.CreateBuilder(["--Ops:Port=0", arg, $"--Storage:Path={db}", $"--Content:Path={RepoPaths.Content}", "--Bot:Console=true"],
            new ConsoleIO(TextReader.Null, TextWriter.Null, Interactive: false));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains(key, StringComparison.Ordinal));
        File.Delete(db);
    }
}
