using System.Threading.Channels;
using BackendPrep.Bot.Transports.Discord;
using BackendPrep.Discord;
using BackendPrep.Discord.Gateway;
using BackendPrep.Discord.Hosting;
using BackendPrep.Discord.Interactions;
using BackendPrep.Discord.Rest;
using BackendPrep.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;
using static BackendPrep.Bot.Tests.Progress.ProgressHarness;

namespace BackendPrep.Bot.Tests.Progress;

/// <summary>/progress through the Discord transport against the fake Discord: the chart arrives as a multipart attachment.</summary>
public sealed class ProgressFakeDiscordTests
{
    [Fact]
    public async Task The_chart_arrives_as_a_png_attachment_shown_in_the_embed()
    {
        await using var server = new FakeDiscordServer();
        await server.StartAsync();
        using var content = TempContent.Minimal();
        using var h = new ProgressHarness(content.Root);
        using var metrics = new DiscordMetrics();
        using var http = new HttpClient();
        var options = Microsoft.Extensions.Options.Options.Create(new DiscordOptions { Token = server.Token, ApiBaseUrl = server.BaseUrl });
        var rest = new DiscordRestClient(http, options, new DiscordRateLimiter(options, TimeProvider.System, metrics), metrics, TimeProvider.System);
        var handlers = new ServiceCollection();
        handlers.AddScoped<IInteractionHandler>(_ => new DiscordInteractionHandler(h.Router, h.Services.CreateScope().ServiceProvider));
        await using var provider = handlers.BuildServiceProvider();
        var dispatches = Channel.CreateUnbounded<GatewayDispatch>();
        using var stop = new CancellationTokenSource();
        var run = new InteractionDispatcher(rest, provider.GetRequiredService<IServiceScopeFactory>(), options, TimeProvider.System, metrics).RunAsync(dispatches.Reader, stop.Token);

        var json = FakeInteractions.SlashCommand(FakeUser.Member(ulong.Parse(Alice.Id, System.Globalization.CultureInfo.InvariantCulture), "alice"), "progress");
        Assert.True(dispatches.Writer.TryWrite(new GatewayDispatch(InteractionDispatcher.EventName, 1, System.Text.Encoding.UTF8.GetBytes(json), TimeProvider.System.GetTimestamp(), 0)));
        var request = await server.WaitForRequestAsync(r => r.Parts.Any(p => p.FileName == "progress.png"), TimeSpan.FromSeconds(30));

        var part = request.Parts.Single(p => p.FileName == "progress.png");
        Assert.Equal("image/png", part.ContentType);
        Assert.Equal((Features.Progress.ProgressChart.Width, Features.Progress.ProgressChart.Height(1)), PngSize(part.Content));
        Assert.Contains("attachment://progress.png", request.JsonText, StringComparison.Ordinal);
        Assert.Contains("Your progress", request.JsonText, StringComparison.Ordinal);
        dispatches.Writer.TryComplete();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(server.SchemaViolations);
    }
}
