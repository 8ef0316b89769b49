using BackendPrep.Discord.Models;

namespace BackendPrep.Discord.Tests.Models;

public sealed class PayloadValidatorTests
{
    private static string Chars(int n) => new('x', n);

    [Fact]
    public void Messages_at_the_limits_pass()
    {
        PayloadValidator.Validate(new MessagePayload
        {
            Content = Chars(2000),
            Embeds = [new Embed { Title = Chars(256), Description = Chars(4096), Fields = [new EmbedField(Chars(256), Chars(1024))] }],
            Components = [.. Enumerable.Range(0, 5).Select(r => Component.ActionRow([.. Enumerable.Range(0, 5).Select(b => Component.Button($"b{r}{b}", "B"))]))],
        });
    }

    public static TheoryData<string, MessagePayload> OverLimit() => new()
    {
        { "content", new MessagePayload { Content = Chars(2001) } },
        { "title", new MessagePayload { Embeds = [new Embed { Title = Chars(257) }] } },
        { "description", new MessagePayload { Embeds = [new Embed { Description = Chars(4097) }] } },
        { "fields[0].value", new MessagePayload { Embeds = [new Embed { Fields = [new EmbedField("n", Chars(1025))] }] } },
        { "fields[0].name", new MessagePayload { Embeds = [new Embed { Fields = [new EmbedField(Chars(257), "v")] }] } },
        { "fields", new MessagePayload { Embeds = [new Embed { Fields = [.. Enumerable.Range(0, 26).Select(i => new EmbedField("n", "v"))] }] } },
        { "embeds", new MessagePayload { Embeds = [.. Enumerable.Range(0, 11).Select(i => new Embed { Title = "t" })] } },
        { "embeds", new MessagePayload { Embeds = [new Embed { Description = Chars(4000) }, new Embed { Description = Chars(2001) }] } },
        { "components", new MessagePayload { Components = [.. Enumerable.Range(0, 6).Select(i => Component.ActionRow(Component.Button($"b{i}", "B")))] } },
        { "components[0]", new MessagePayload { Components = [Component.ActionRow([.. Enumerable.Range(0, 6).Select(i => Component.Button($"b{i}", "B"))])] } },
        { "custom_id", new MessagePayload { Components = [Component.ActionRow(Component.Button(Chars(101), "B"))] } },
        { "options", new MessagePayload { Components = [Component.ActionRow(Component.StringSelect("s", [.. Enumerable.Range(0, 26).Select(i => new SelectOption("l", $"{i}"))]))] } },
    };

    [Theory]
    [MemberData(nameof(OverLimit))]
    public void Messages_over_a_limit_throw_naming_the_field(string field, MessagePayload message)
    {
        var ex = Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(message));
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Modal_limits()
    {
        var input = Component.LabelFor("Answer", Component.TextInput("a", TextInputStyle.Paragraph));
        PayloadValidator.Validate(new ModalPayload("m", Chars(45), [input]));

        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(new ModalPayload("m", Chars(46), [input])));
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(new ModalPayload("m", "t", [.. Enumerable.Repeat(input, 6)])));
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(new ModalPayload("m", "t", [])));
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(new ModalPayload(Chars(101), "t", [input])));
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(new ModalPayload("m", "t", [Component.LabelFor(Chars(46), Component.TextInput("a", TextInputStyle.Short))])));
    }

    [Fact]
    public void Choice_limits()
    {
        PayloadValidator.Validate([.. Enumerable.Range(0, 25).Select(i => new CommandChoice(Chars(100), Chars(100)))]);

        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate([.. Enumerable.Range(0, 26).Select(i => new CommandChoice("n", "v"))]));
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate([new CommandChoice(Chars(101), "v")]));
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate([new CommandChoice("n", Chars(101))]));
    }

    [Theory]
    [InlineData("Game", "d")]
    [InlineData("has space", "d")]
    [InlineData("a23456789012345678901234567890123", "d")]
    [InlineData("", "d")]
    [InlineData("ok", "")]
    public void Bad_command_names_and_descriptions_throw(string name, string description)
    {
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate([new ApplicationCommandDefinition { Name = name, Description = description }]));
    }

    [Fact]
    public void Command_rules()
    {
        PayloadValidator.Validate(SampleCommands.All);
        var optional = new ApplicationCommandOptionDefinition { Type = ApplicationCommandOptionType.String, Name = "a", Description = "d" };
        var required = optional with { Name = "b", Required = true };

        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate([new ApplicationCommandDefinition { Name = "x", Description = "d", Options = [optional, required] }]));
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate([new ApplicationCommandDefinition { Name = "x", Description = "d", Options = [optional, optional] }]));
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate([new ApplicationCommandDefinition { Name = "x", Description = "d", Options = [optional with { Autocomplete = true, Choices = [new CommandChoice("a", "a")] }] }]));
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate([new ApplicationCommandDefinition { Name = "x", Description = "d" }, new ApplicationCommandDefinition { Name = "x", Description = "e" }]));
    }
}
