using BackendPrep.Discord.Interactions;
using BackendPrep.Discord.Tests.Models;
using BackendPrep.FakeDiscord;

namespace BackendPrep.Discord.Tests.Interactions;

public sealed class CommandRegistrarTests : FakeDiscordTest
{
    private CommandRegistrar Registrar(ulong? devGuild) =>
        new(CreateClient(o => o.DevGuildId = devGuild), Microsoft.Extensions.Options.Options.Create(Options(o => o.DevGuildId = devGuild)));

    [Fact]
    public async Task Registers_globally_without_a_dev_guild_and_skips_when_unchanged()
    {
        var registrar = Registrar(null);

        var first = await registrar.RegisterAsync(SampleCommands.All, lastHash: null, CancellationToken.None);
        var second = await registrar.RegisterAsync(SampleCommands.All, first.Hash, CancellationToken.None);

        Assert.False(first.Skipped);
        Assert.Null(first.GuildId);
        Assert.Equal(3, first.Commands.Count);
        Assert.True(second.Skipped);
        Assert.Equal(first.Hash, second.Hash);
        Assert.Single(Server.RequestsTo(FakeRoutes.PutGlobalCommands));
        Assert.Equal(3, Server.RegisteredCommands()!.Count);
    }

    [Fact]
    public async Task Registers_to_the_dev_guild_without_global_only_fields()
    {
        var registrar = Registrar(4242);

        var result = await registrar.RegisterAsync(SampleCommands.All, lastHash: "stale", CancellationToken.None);

        Assert.Equal(4242UL, result.GuildId);
        Assert.Empty(Server.RequestsTo(FakeRoutes.PutGlobalCommands));
        var put = Assert.Single(Server.RequestsTo(FakeRoutes.PutGuildCommands));
        Assert.Contains("/guilds/4242/", put.Path, StringComparison.Ordinal);
        Assert.DoesNotContain("contexts", put.JsonText, StringComparison.Ordinal);
        Assert.Equal(3, Server.RegisteredCommands(4242)!.Count);
    }

    [Fact]
    public void Hash_changes_with_definitions_and_scope()
    {
        var a = CommandRegistrar.ComputeHash(SampleCommands.All, null);

        Assert.Equal(a, CommandRegistrar.ComputeHash([.. SampleCommands.All], null));
        Assert.NotEqual(a, CommandRegistrar.ComputeHash(SampleCommands.All, 1));
        Assert.NotEqual(a, CommandRegistrar.ComputeHash([SampleCommands.All[0] with { Description = "Changed" }, .. SampleCommands.All.Skip(1)], null));
    }
}
