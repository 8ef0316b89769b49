using BackendPrep.Discord.Models;
using BackendPrep.Discord.Tests.Fixtures;

namespace BackendPrep.Discord.Tests.Models;

public sealed class InteractionParsingTests
{
    [Fact]
    public void Docs_slash_command_example_reads_guild_member_and_options()
    {
        var i = DiscordJson.ParseInteraction(Payloads.Example("interaction-slash-command.json"));

        Assert.Equal(786008729715212338UL, i.Id);
        Assert.Equal(InteractionType.ApplicationCommand, i.Type);
        Assert.Equal(290926798626357999UL, i.GuildId);
        Assert.Equal(645027906669510667UL, i.ChannelId);
        Assert.Equal("A_UNIQUE_TOKEN", i.Token);
        Assert.Equal(53908232506183680UL, i.InvokingUserId);
        Assert.Equal("Mason", i.InvokingUser!.Username);
        Assert.Equal((DiscordPermissions)2147483647UL, i.MemberPermissions);
        Assert.True(i.MemberHas(DiscordPermissions.ManageGuild));
        Assert.Equal((DiscordPermissions)442368UL, i.AppPermissions);
        Assert.Equal([539082325061836999UL], i.Member!.Roles!);
        var path = i.Data!.GetCommandPath();
        Assert.Equal("cardsearch", path.Command);
        Assert.Null(path.SubCommand);
        Assert.Equal("The Gitrog Monster", path.GetString("cardname"));
        Assert.Null(path.GetString("missing"));
    }

    [Fact]
    public void Docs_user_command_example_reads_target_and_resolved_user()
    {
        var i = DiscordJson.ParseInteraction(Payloads.Example("interaction-user-command.json"));

        Assert.Equal(775799577604522054UL, i.ApplicationId);
        Assert.Equal(1, i.Version);
        Assert.Equal(ApplicationCommandType.User, i.Data!.Type);
        Assert.Equal(809850198683418695UL, i.Data.TargetId);
        Assert.Equal("VoltyDemo", i.Data.Resolved!.Users!["809850198683418695"].Username);
        Assert.Equal(167348773423415296UL, i.InvokingUserId);
    }

    [Fact]
    public void Docs_autocomplete_example_finds_the_focused_option()
    {
        var i = DiscordJson.ParseInteraction(Payloads.Example("interaction-autocomplete-partial.json"));

        Assert.Equal(InteractionType.ApplicationCommandAutocomplete, i.Type);
        var focused = i.Data!.FocusedOption;
        Assert.NotNull(focused);
        Assert.Equal("variant", focused.Name);
        Assert.Equal("data a user is typ", focused.AsString());
        Assert.Null(i.InvokingUser); // partial example: no user at all, and no crash
    }

    [Fact]
    public void Focused_option_is_found_inside_subcommands_and_partial_integers_parse()
    {
        var json = Payloads.SlashCommand(1, "game", """
            [{"type":1,"name":"start","options":[{"type":4,"name":"count","value":"1","focused":true},{"type":5,"name":"hard","value":true}]}]
            """).Replace("\"type\":2,", "\"type\":4,", StringComparison.Ordinal);
        var i = DiscordJson.ParseInteraction(Payloads.Utf8(json));

        Assert.Equal("count", i.Data!.FocusedOption!.Name);
        Assert.Equal(1L, i.Data.FocusedOption.AsInteger());
        Assert.Equal("start", i.Data.GetCommandPath().SubCommand);
        Assert.True(i.Data.GetCommandPath().GetBoolean("hard"));
    }

    [Fact]
    public void Subcommand_group_options_are_typed()
    {
        var json = Payloads.SlashCommand(2, "admin", """
            [{"type":2,"name":"config","options":[{"type":1,"name":"set","options":[
              {"type":3,"name":"text","value":"hello"},
              {"type":4,"name":"count","value":12},
              {"type":10,"name":"ratio","value":0.5},
              {"type":5,"name":"flag","value":false},
              {"type":6,"name":"who","value":"80351110224678912"},
              {"type":7,"name":"where","value":"645027906669510667"},
              {"type":8,"name":"role","value":"539082325061836999"}]}]}]
            """);
        var path = DiscordJson.ParseInteraction(Payloads.Utf8(json)).Data!.GetCommandPath();

        Assert.Equal(("admin", "config", "set"), (path.Command, path.Group, path.SubCommand));
        Assert.Equal("hello", path.GetString("text"));
        Assert.Equal(12L, path.GetInteger("count"));
        Assert.Equal(0.5, path.GetNumber("ratio"));
        Assert.False(path.GetBoolean("flag"));
        Assert.Equal(80351110224678912UL, path.GetUserId("who"));
        Assert.Equal(645027906669510667UL, path.GetChannelId("where"));
        Assert.Equal(539082325061836999UL, path.GetRoleId("role"));
        Assert.Null(path.GetInteger("text"));
    }

    [Fact]
    public void Label_wrapped_modal_submit_is_read()
    {
        var i = DiscordJson.ParseInteraction(Payloads.Utf8(Payloads.LabelModalSubmit));

        Assert.Equal(InteractionType.ModalSubmit, i.Type);
        Assert.Equal("answer:v1:7", i.Data!.CustomId);
        Assert.Equal("Use a queue.", i.Data.GetSubmittedValue("answer"));
        Assert.Equal("high", i.Data.GetSubmittedValue("confidence"));
        Assert.Equal(["high"], i.Data.GetSubmittedFields()["confidence"].Values!);
        Assert.Null(i.Data.GetSubmittedValue("nope"));
        Assert.Equal(DiscordPermissions.None, i.MemberPermissions);
        Assert.False(i.MemberHas(DiscordPermissions.ManageGuild));
    }

    [Fact]
    public void Legacy_action_row_modal_submit_is_read_and_dm_user_is_the_invoker()
    {
        var i = DiscordJson.ParseInteraction(Payloads.Utf8(Payloads.LegacyModalSubmit));

        Assert.Equal("one", i.Data!.GetSubmittedValue("first"));
        Assert.Equal("two", i.Data.GetSubmittedValue("second"));
        Assert.False(i.IsInGuild);
        Assert.Null(i.Member);
        Assert.Equal(80351110224678912UL, i.InvokingUserId);
        Assert.Equal(DiscordPermissions.None, i.MemberPermissions);
    }

    [Fact]
    public void Component_interaction_reads_custom_id_and_values()
    {
        var json = Payloads.Component(3, "pick:v1").Replace("\"component_type\":2", "\"component_type\":3,\"values\":[\"a\",\"b\"]", StringComparison.Ordinal);
        var i = DiscordJson.ParseInteraction(Payloads.Utf8(json));

        Assert.Equal(InteractionType.MessageComponent, i.Type);
        Assert.Equal("pick:v1", i.Data!.CustomId);
        Assert.Equal(ComponentType.StringSelect, i.Data.ComponentType);
        Assert.Equal(["a", "b"], i.Data.Values!);
        Assert.Equal(1000000000000000001UL, i.Message!.Id);
    }

    [Fact]
    public void Unknown_fields_and_enum_values_are_tolerated()
    {
        var json = """
            {"id":"5","application_id":"6","type":99,"token":"t","version":1,"context":7,"brand_new":{"x":[1,2]},
             "user":{"id":"8","username":"u","new_field":true},"entitlements":[],"authorizing_integration_owners":{"0":"1"},
             "data":{"custom_id":"c","component_type":42}}
            """;
        var i = DiscordJson.ParseInteraction(Payloads.Utf8(json));

        Assert.Equal((InteractionType)99, i.Type);
        Assert.Equal((InteractionContextType)7, i.Context);
        Assert.Equal((ComponentType)42, i.Data!.ComponentType);
        Assert.Equal(8UL, i.InvokingUserId);
    }

    [Fact]
    public void ToString_never_contains_the_token()
    {
        var i = DiscordJson.ParseInteraction(Payloads.Utf8(Payloads.SlashCommand(9)));

        Assert.DoesNotContain("tok-9", i.ToString(), StringComparison.Ordinal);
        Assert.Contains("ping", i.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Snowflakes_are_written_as_strings()
    {
        var json = DiscordJson.Serialize(new MessagePayload { AllowedMentions = new AllowedMentions { Users = [80351110224678912UL] } });

        Assert.Contains("\"users\":[\"80351110224678912\"]", json, StringComparison.Ordinal);
    }
}
