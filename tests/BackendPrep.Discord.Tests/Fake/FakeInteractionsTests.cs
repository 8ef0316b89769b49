using BackendPrep.Discord.Models;
using BackendPrep.FakeDiscord;

namespace BackendPrep.Discord.Tests.Fake;

/// <summary>The fake's payload builders must produce what the real parser reads.</summary>
public sealed class FakeInteractionsTests
{
    private static Interaction Parse(string json) => DiscordJson.ParseInteraction(System.Text.Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Slash_command_from_a_guild_member()
    {
        var i = Parse(FakeInteractions.SlashCommand(FakeUser.Member(42, "ann", permissions: 32), "stats",
            """[{"type":1,"name":"show","options":[{"type":4,"name":"days","value":7}]}]"""));

        Assert.Equal(InteractionType.ApplicationCommand, i.Type);
        Assert.Equal(42UL, i.InvokingUserId);
        Assert.True(i.MemberHas(DiscordPermissions.ManageGuild));
        Assert.Equal("show", i.GetCommandPath().SubCommand);
        Assert.Equal(7L, i.GetCommandPath().GetInteger("days"));
        Assert.StartsWith("fake-interaction-token-", i.Token, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_and_tokens_are_unique_and_dm_users_have_no_member()
    {
        var a = Parse(FakeInteractions.Autocomplete(FakeUser.InDm(7), "find", "query", "ab"));
        var b = Parse(FakeInteractions.Autocomplete(FakeUser.InDm(7), "find", "query", "ab"));

        Assert.NotEqual(a.Id, b.Id);
        Assert.NotEqual(a.Token, b.Token);
        Assert.Null(a.Member);
        Assert.Equal(7UL, a.InvokingUserId);
        Assert.Equal("ab", a.Data!.FocusedOption!.AsString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Modal_submit_in_both_shapes(bool legacy)
    {
        var i = Parse(FakeInteractions.ModalSubmit(FakeUser.Member(1), "form:v1", new Dictionary<string, string> { ["a"] = "x", ["b"] = "y" }, legacy));

        Assert.Equal("x", i.Data!.GetSubmittedValue("a"));
        Assert.Equal("y", i.Data.GetSubmittedValue("b"));
    }

    [Fact]
    public void Component_click_and_select()
    {
        var click = Parse(FakeInteractions.Component(FakeUser.Member(1), "go:v1"));
        var select = Parse(FakeInteractions.Component(FakeUser.Member(1), "pick:v1", ["2"]));

        Assert.Equal(ComponentType.Button, click.Data!.ComponentType);
        Assert.NotNull(click.Message);
        Assert.Equal(["2"], select.Data!.Values!);
    }
}
