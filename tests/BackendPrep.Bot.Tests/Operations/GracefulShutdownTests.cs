using BackendPrep.Bot.Tests.Discord;
using BackendPrep.FakeDiscord;
using LiteDB;

namespace BackendPrep.Bot.Tests.Operations;

public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Stopping_finishes_the_interaction_in_flight_closes_resumably_and_checkpoints_the_database()
    {
        var discord = new FakeDiscordServer();
        await discord.StartAsync();
        await using var bot = await BotOnFakeDiscord.StartOnAsync(discord);
        var erin = FakeUser.Member(200000000000000031, "erin");
        await bot.InteractAsync(FakeInteractions.SlashCommand(erin, "plan"));

        // The next callback is slow, so the interaction is still queued or in flight when the stop begins. The gateway
        // reads frames in order, so its answer to the heartbeat request proves the interaction was received first.
        discord.Enqueue(FakeRoutes.Callback, FakeResponse.Slow(TimeSpan.FromSeconds(1)));
        var inFlight = FakeInteractions.SlashCommand(erin, "plan");
        var heartbeats = discord.Gateway.ReceivedOp(1).Count;
        await discord.Gateway.DispatchAsync("INTERACTION_CREATE", inFlight);
        await discord.Gateway.RequestHeartbeatAsync();
        await discord.Gateway.WaitForOpAsync(1, heartbeats + 1);
        Assert.Empty(discord.CallbacksFor(BotOnFakeDiscord.Id(inFlight)));

        var exit = await bot.StopAsync();

        Assert.Equal(0, exit);
        // Answered before the host returned, not cancelled by the stop.
        var answer = Assert.Single(discord.CallbacksFor(BotOnFakeDiscord.Id(inFlight)));
        Assert.InRange(answer.ResponseStatus, 200, 299);
        var close = Assert.Single(discord.Gateway.ReceivedOp(-1));
        Assert.Equal(4000, close.Data!.GetValue<int>());
        // Disposed with a checkpoint: the write-ahead log is folded into the data file and removed.
        Assert.False(File.Exists(Path.ChangeExtension(bot.DatabasePath, null) + "-log.db"));
        using var reopened = new LiteDatabase(new ConnectionString { Filename = bot.DatabasePath, ReadOnly = true });
        // The registered-commands hash the bot wrote at start is in the data file itself.
        Assert.Equal(1, reopened.GetCollection("host_state").Count());
    }
}
