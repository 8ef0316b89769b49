using BackendPrep.Discord.Gateway;
using BackendPrep.Discord.Hosting;
using BackendPrep.Discord.Interactions;
using BackendPrep.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BackendPrep.Discord.Tests.Hosting;

public sealed class DiscordHostingTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDiscordClient(config.GetSection(DiscordOptions.SectionName));
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Registers_the_client_pieces_from_configuration()
    {
        using var provider = Build(new()
        {
            ["Discord:Token"] = "abc.def",
            ["Discord:DevGuildId"] = "123",
            ["Discord:DeferAfter"] = "00:00:01.5",
            ["Discord:Workers"] = "3",
        });

        var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
        Assert.Equal(123UL, options.DevGuildId);
        Assert.Equal(TimeSpan.FromSeconds(1.5), options.DeferAfter);
        var rest = provider.GetRequiredService<DiscordRestClient>();
        Assert.Same(rest, provider.GetRequiredService<IGatewayUrlSource>());
        Assert.NotNull(provider.GetRequiredService<InteractionDispatcher>());
        Assert.NotNull(provider.GetRequiredService<CommandRegistrar>());
        Assert.NotNull(provider.GetRequiredService<System.Threading.Channels.Channel<GatewayDispatch>>());
    }

    [Theory]
    [InlineData("", "Token")]
    [InlineData("Bot abc", "prefix")]
    public void Bad_token_fails_validation(string token, string expected)
    {
        using var provider = Build(new() { ["Discord:Token"] = token });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cross_field_rules_are_checked()
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions
        {
            Token = "t",
            ShardId = 2,
            ShardCount = 2,
            DeferAfter = TimeSpan.FromSeconds(3),
            Workers = 0,
            ApiBaseUrl = "not a url",
        });

        Assert.True(result.Failed);
        Assert.Equal(4, result.Failures!.Count());
    }

    [Fact]
    public void ToString_redacts_the_token()
    {
        var text = new DiscordOptions { Token = "super-secret-token" }.ToString();

        Assert.DoesNotContain("super-secret-token", text, StringComparison.Ordinal);
        Assert.Contains("<redacted>", text, StringComparison.Ordinal);
    }
}
