using System.Globalization;
using System.Text;
using System.Text.Json;
using BackendPrep.FakeDiscord;

namespace BackendPrep.Bot.Tests.Discord.Http;

/// <summary>HTTP-interactions mode end to end: real HTTP into Kestrel, Ed25519 signatures, REST into the fake Discord.</summary>
public sealed class HttpInteractionsTests
{
    private static readonly FakeUser Alice = FakeUser.Member(200000000000000001, "alice");
    private const string PingJson = """{"id":"1400000000000000999","application_id":"700000000000000001","type":1,"token":"ping-token","version":1}""";

    [Fact]
    public async Task A_signed_ping_gets_a_pong_without_reaching_a_handler()
    {
        await using var bot = await BotOverHttp.StartAsync();

        var pong = await bot.InteractAsync(PingJson);

        Assert.Equal("""{"type":1}""", pong.GetRawText());
        Assert.Equal(0, bot.Gate.Calls);
    }

    public enum Forgery
    {
        TamperedBody,
        WrongKey,
        MissingSignature,
        MissingTimestamp,
        StaleTimestamp,
        FutureTimestamp,
        GarbageSignature,
    }

    [Theory]
    [InlineData(Forgery.TamperedBody)]
    [InlineData(Forgery.WrongKey)]
    [InlineData(Forgery.MissingSignature)]
    [InlineData(Forgery.MissingTimestamp)]
    [InlineData(Forgery.StaleTimestamp)]
    [InlineData(Forgery.FutureTimestamp)]
    [InlineData(Forgery.GarbageSignature)]
    public async Task A_forged_or_stale_request_gets_401_and_has_no_effect(Forgery forgery)
    {
        await using var bot = await BotOverHttp.StartAsync();
        using var otherKey = new SignedRequests();
        var json = FakeInteractions.SlashCommand(Alice, "topic", """[{"type":3,"name":"name","value":"caching"}]""");
        var body = Encoding.UTF8.GetBytes(json);
        var now = bot.Time.GetUtcNow();
        var timestamp = Seconds(now);

        using var request = forgery switch
        {
            Forgery.TamperedBody => SignedRequests.Post(bot.Url, Encoding.UTF8.GetBytes(json.Replace("caching", "auth", StringComparison.Ordinal)), bot.Keys.Sign(timestamp, body), timestamp),
            Forgery.WrongKey => SignedRequests.Post(bot.Url, body, otherKey.Sign(timestamp, body), timestamp),
            Forgery.MissingSignature => SignedRequests.Post(bot.Url, body, null, timestamp),
            Forgery.MissingTimestamp => SignedRequests.Post(bot.Url, body, bot.Keys.Sign(timestamp, body), null),
            Forgery.StaleTimestamp => bot.Keys.SignedPost(bot.Url, json, now - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1)),
            Forgery.FutureTimestamp => bot.Keys.SignedPost(bot.Url, json, now + TimeSpan.FromMinutes(6)),
            _ => SignedRequests.Post(bot.Url, body, "zz" + new string('0', 126), timestamp),
        };
        using var refused = await bot.Http.SendAsync(request);

        Assert.Equal(401, (int)refused.StatusCode);
        Assert.Equal(0, bot.Gate.Calls);
        Assert.DoesNotContain(bot.Discord.Requests, r => r.Route is FakeRoutes.Callback or FakeRoutes.EditOriginal or FakeRoutes.FollowUp);

        // The same interaction, properly signed, is still served: the forgery did not even use up its id.
        var answer = await bot.InteractAsync(json);
        Assert.Equal(4, answer.GetProperty("type").GetInt32());
        Assert.Equal(1, bot.Gate.Calls);
    }

    [Fact]
    public async Task A_request_inside_the_window_is_accepted_and_a_replay_of_it_has_no_second_effect()
    {
        await using var bot = await BotOverHttp.StartAsync();
        var json = FakeInteractions.SlashCommand(Alice, "plan");

        using var fresh = await bot.PostSignedAsync(json, age: TimeSpan.FromMinutes(4));
        using var replay = await bot.PostSignedAsync(json);

        Assert.Equal(200, (int)fresh.StatusCode);
        Assert.Equal(409, (int)replay.StatusCode);
        Assert.Equal(1, bot.Gate.Calls);
    }

    [Fact]
    public async Task A_signed_slash_command_is_answered_in_the_response_body()
    {
        await using var bot = await BotOverHttp.StartAsync();

        var answer = await bot.InteractAsync(FakeInteractions.SlashCommand(Alice, "topic", """[{"type":3,"name":"name","value":"caching"}]"""));

        Assert.Equal(4, answer.GetProperty("type").GetInt32());
        var message = answer.GetProperty("data");
        Assert.Equal(64, message.GetProperty("flags").GetInt32());
        Assert.StartsWith("Caching", message.GetProperty("embeds")[0].GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Empty(bot.Discord.RequestsTo(FakeRoutes.Callback));
    }

    [Fact]
    public async Task A_slow_handler_is_deferred_in_the_response_and_completed_over_rest()
    {
        await using var bot = await BotOverHttp.StartAsync();
        var json = FakeInteractions.SlashCommand(Alice, "topic", """[{"type":3,"name":"name","value":"caching"}]""");
        bot.Gate.Close();

        var pending = bot.PostSignedAsync(json);
        await bot.Gate.Entered.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.False(pending.IsCompleted);
        bot.Time.Advance(TimeSpan.FromSeconds(2));
        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(20));
        var deferred = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        bot.Gate.Open();
        var edit = await bot.Discord.WaitForRequestAsync(r => r.Route == FakeRoutes.EditOriginal, TimeSpan.FromSeconds(20));

        Assert.Equal(5, deferred.GetProperty("type").GetInt32());
        Assert.Equal(64, deferred.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains($"fake-interaction-token-{BotOnFakeDiscord.Id(json)}", edit.Path, StringComparison.Ordinal);
        Assert.StartsWith("Caching", edit.Json!.Value.GetProperty("embeds")[0].GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Empty(bot.Discord.RequestsTo(FakeRoutes.Callback));
        Assert.Empty(bot.Discord.SchemaViolations);
    }

    [Fact]
    public async Task A_reply_with_a_file_goes_through_the_callback_endpoint_and_the_request_gets_202()
    {
        await using var bot = await BotOverHttp.StartAsync();
        var json = FakeInteractions.SlashCommand(Alice, "privacy", """[{"type":3,"name":"action","value":"export"}]""");

        using var response = await bot.PostSignedAsync(json);
        var callback = Assert.Single(bot.Discord.CallbacksFor(BotOnFakeDiscord.Id(json)));

        Assert.Equal(202, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(4, callback.CallbackType);
        var file = Assert.Single(callback.Parts, p => p.Name == "files[0]");
        Assert.Contains(Alice.Id.ToString(CultureInfo.InvariantCulture), file.FileName, StringComparison.Ordinal);
        Assert.Empty(bot.Discord.SchemaViolations);
    }

    [Fact]
    public async Task Past_the_queue_bound_an_interaction_is_answered_busy_at_once()
    {
        await using var bot = await BotOverHttp.StartAsync("--Discord:Workers=1", "--Discord:QueueBound=1");
        bot.Gate.Close();

        var running = bot.PostSignedAsync(FakeInteractions.SlashCommand(Alice, "plan"));
        await bot.Gate.Entered.WaitAsync(TimeSpan.FromSeconds(20));
        // Two more at once: one takes the single queue place, the other must be told "busy" without waiting.
        Task<HttpResponseMessage>[] more = [bot.PostSignedAsync(FakeInteractions.SlashCommand(Alice, "plan")), bot.PostSignedAsync(FakeInteractions.SlashCommand(Alice, "plan"))];
        var answeredFirst = await Task.WhenAny(more).WaitAsync(TimeSpan.FromSeconds(20));
        using var shed = await answeredFirst;
        var queued = more.Single(t => t != answeredFirst);
        var waitingBeforeOpen = !running.IsCompleted && !queued.IsCompleted;
        bot.Gate.Open();
        using var first = await running.WaitAsync(TimeSpan.FromSeconds(20));
        using var second = await queued.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Contains("busy", await shed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(waitingBeforeOpen);
        Assert.Contains("Study plan", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Study plan", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, bot.Gate.Calls);
    }

    [Fact]
    public async Task Admin_commands_recheck_permissions_even_when_discord_lets_the_member_through()
    {
        await using var bot = await BotOverHttp.StartAsync();
        var member = FakeUser.Member(200000000000000005, "member", permissions: 1UL << 11);
        var admin = FakeUser.Member(200000000000000006, "admin", permissions: 1UL << 5);
        const string set = """[{"type":1,"name":"set","options":[{"type":7,"name":"channel","value":"645027906669510667"},{"type":3,"name":"time","value":"09:00"},{"type":3,"name":"timezone","value":"Europe/Berlin"}]}]""";
        const string show = """[{"type":1,"name":"show","options":[]}]""";

        var refused = await bot.InteractAsync(FakeInteractions.SlashCommand(member, "reminders", set));
        var afterRefusal = await bot.InteractAsync(FakeInteractions.SlashCommand(admin, "reminders", show));
        var allowed = await bot.InteractAsync(FakeInteractions.SlashCommand(admin, "reminders", set));
        var afterSet = await bot.InteractAsync(FakeInteractions.SlashCommand(admin, "reminders", show));

        Assert.Contains("Manage Server", Text(refused), StringComparison.Ordinal);
        Assert.Contains("No daily reminder is set", Text(afterRefusal), StringComparison.Ordinal);
        Assert.Contains("Daily reminder set", Text(allowed), StringComparison.Ordinal);
        Assert.Contains("Daily reminder in <#645027906669510667>", Text(afterSet), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_users_press_of_an_owner_bound_button_is_refused_and_changes_nothing()
    {
        await using var bot = await BotOverHttp.StartAsync();
        var mallory = FakeUser.Member(300000000000000003, "mallory");
        var topic = FakeInteractions.SlashCommand(Alice, "topic", """[{"type":3,"name":"name","value":"caching"}]""");
        var markLearned = Buttons(await bot.InteractAsync(topic)).Single(b => b.Label == "Mark learned").CustomId;

        var intruder = await bot.InteractAsync(FakeInteractions.Component(mallory, markLearned));
        var aliceAfterIntruder = await bot.InteractAsync(FakeInteractions.SlashCommand(Alice, "topic", """[{"type":3,"name":"name","value":"caching"}]"""));
        var malloryAfterIntruder = await bot.InteractAsync(FakeInteractions.SlashCommand(mallory, "topic", """[{"type":3,"name":"name","value":"caching"}]"""));
        var own = await bot.InteractAsync(FakeInteractions.Component(Alice, markLearned));
        var aliceAfterOwn = await bot.InteractAsync(FakeInteractions.SlashCommand(Alice, "topic", """[{"type":3,"name":"name","value":"caching"}]"""));

        Assert.Equal(4, intruder.GetProperty("type").GetInt32());
        Assert.Contains("someone else", Text(intruder), StringComparison.Ordinal);
        Assert.Contains(Buttons(aliceAfterIntruder), b => b.Label == "Mark learned");
        Assert.Contains(Buttons(malloryAfterIntruder), b => b.Label == "Mark learned");
        Assert.Equal(7, own.GetProperty("type").GetInt32());
        Assert.Contains(Buttons(aliceAfterOwn), b => b.Label == "Learned ✓");
    }

    [Theory]
    [InlineData("--Discord:PublicKey=not-a-key")]
    [InlineData("--Discord:Http:Address=localhost")]
    [InlineData("--Discord:Http:Port=70000")]
    public async Task Http_mode_with_a_bad_setting_does_not_start(string bad)
    {
        await using var discord = new FakeDiscordServer();
        await discord.StartAsync();
        using var keys = new SignedRequests();
        string[] args =
        [
            $"--Discord:Token={discord.Token}", $"--Discord:ApiBaseUrl={discord.BaseUrl}", "--Discord:Mode=Http",
            $"--Discord:PublicKey={keys.PublicKeyHex}", "--Discord:Http:Port=0", $"--Content:Path={BackendPrep.Testing.RepoPaths.Content}",
            $"--Storage:Path={Path.Combine(Path.GetTempPath(), $"bp-http-{Guid.NewGuid():N}.db")}", bad,
        ];

        var exit = await BackendPrep.Bot.Cli.BotProgram.RunAsync(args, new BackendPrep.Bot.Transports.Console.ConsoleIO(TextReader.Null, TextWriter.Null, Interactive: false), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(BackendPrep.Bot.Cli.BotProgram.ExitBadConfiguration, exit);
        Assert.DoesNotContain(discord.Requests, r => r.Route == FakeRoutes.PutGlobalCommands);
    }

    private static string Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The message content (decoded) followed by the raw data, for substring checks on either.</summary>
    private static string Text(JsonElement callback)
    {
        var data = callback.GetProperty("data");
        return (data.TryGetProperty("content", out var content) ? content.GetString() : "") + data.GetRawText();
    }

    private static List<(string Label, string CustomId)> Buttons(JsonElement callback) =>
    [
        .. callback.GetProperty("data").GetProperty("components").EnumerateArray()
            .SelectMany(row => row.GetProperty("components").EnumerateArray())
            .Where(c => c.GetProperty("type").GetInt32() == 2 && c.TryGetProperty("custom_id", out _))
            .Select(c => (c.GetProperty("label").GetString()!, c.GetProperty("custom_id").GetString()!)),
    ];
}
