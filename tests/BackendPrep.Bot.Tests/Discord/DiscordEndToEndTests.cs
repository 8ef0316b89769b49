using System.Text.Json;
using BackendPrep.FakeDiscord;

namespace BackendPrep.Bot.Tests.Discord;

public sealed class DiscordEndToEndTests
{
    private static readonly FakeUser Alice = FakeUser.Member(200000000000000001, "alice");

    [Fact]
    public async Task Slash_command_in_correct_callback_out_through_a_forced_disconnect_and_resume()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync();
        await bot.Discord.WaitForRequestAsync(r => r.Route == FakeRoutes.PutGlobalCommands, TimeSpan.FromSeconds(20));

        var topic = FakeInteractions.SlashCommand(Alice, "topic", """[{"type":3,"name":"name","value":"caching"}]""");
        var first = await bot.InteractAsync(topic);

        var body = first.Json!.Value;
        Assert.Equal(4, body.GetProperty("type").GetInt32());
        var message = body.GetProperty("data");
        Assert.Equal(64, message.GetProperty("flags").GetInt32());
        Assert.StartsWith("Caching", message.GetProperty("embeds")[0].GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, message.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());

        bot.Discord.Gateway.Drop();
        var plan = FakeInteractions.SlashCommand(Alice, "plan");
        var second = await bot.InteractAsync(plan);

        Assert.Single(bot.Discord.Gateway.ReceivedOp(2));
        Assert.NotEmpty(bot.Discord.Gateway.ReceivedOp(6));
        Assert.Contains("Study plan", second.JsonText, StringComparison.Ordinal);
        Assert.Single(bot.Discord.CallbacksFor(BotOnFakeDiscord.Id(topic)));
        Assert.Single(bot.Discord.CallbacksFor(BotOnFakeDiscord.Id(plan)));
        Assert.Empty(bot.Discord.SchemaViolations);
    }

    [Fact]
    public async Task Registered_commands_match_the_router_and_pass_discord_validation()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync();

        var put = await bot.Discord.WaitForRequestAsync(r => r.Route == FakeRoutes.PutGlobalCommands, TimeSpan.FromSeconds(20));

        var names = put.Json!.Value.EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("topic", names);
        Assert.Contains("study", names);
        Assert.Contains("help", names);
        Assert.Empty(bot.Discord.SchemaViolations);
    }

    [Fact]
    public async Task Section_button_updates_the_message_and_someone_elses_press_is_refused()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync();
        var first = await bot.InteractAsync(FakeInteractions.SlashCommand(Alice, "topic", """[{"type":3,"name":"name","value":"auth"}]"""));
        var button = first.Json!.Value.GetProperty("data").GetProperty("components")[0].GetProperty("components")[1].GetProperty("custom_id").GetString()!;

        var press = await bot.InteractAsync(FakeInteractions.Component(Alice, button));
        var intruder = await bot.InteractAsync(FakeInteractions.Component(FakeUser.Member(300000000000000003, "mallory"), button));

        Assert.Equal(7, press.CallbackType);
        Assert.Contains("Understanding", press.JsonText, StringComparison.Ordinal);
        Assert.Equal(4, intruder.CallbackType);
        Assert.Contains("someone else", intruder.JsonText, StringComparison.Ordinal);
        Assert.Empty(bot.Discord.SchemaViolations);
    }

    [Fact]
    public async Task Autocomplete_and_a_modal_are_answered_without_deferral()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync();

        var choices = await bot.InteractAsync(FakeInteractions.Autocomplete(Alice, "topic", "name", "idem"));
        var modal = await bot.InteractAsync(FakeInteractions.SlashCommand(Alice, "incident"));

        Assert.Equal(8, choices.CallbackType);
        Assert.Equal("idempotency", choices.Json!.Value.GetProperty("data").GetProperty("choices")[0].GetProperty("value").GetString());
        Assert.Equal(9, modal.CallbackType);
        Assert.Equal(18, modal.Json!.Value.GetProperty("data").GetProperty("components")[0].GetProperty("type").GetInt32());
        Assert.Empty(bot.Discord.SchemaViolations);
    }

    [Fact]
    public async Task A_fatal_close_code_stops_the_bot_with_a_non_zero_exit()
    {
        var discord = new FakeDiscordServer();
        await discord.StartAsync();
        discord.Gateway.CloseOnIdentify = 4004;
        await using var bot = await BotOnFakeDiscordWith(discord);

        var exit = await bot.Run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(1, exit);
        Assert.Equal(1, discord.Gateway.Connections);
    }

    private static Task<BotOnFakeDiscord> BotOnFakeDiscordWith(FakeDiscordServer discord) => BotOnFakeDiscord.StartOnAsync(discord);
}
