using System.Globalization;
using System.Text;
using System.Text.Json;
using BackendPrep.Discord.Interactions;
using BackendPrep.Discord.Interactions.Http;
using BackendPrep.Discord.Models;
using BackendPrep.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;

namespace BackendPrep.Discord.Tests.Interactions.Http;

/// <summary>The endpoint as bytes in, status and body out: no web server, the REST side on the fake Discord.</summary>
public sealed class HttpInteractionEndpointTests : FakeDiscordTest, IDisposable
{
    private static readonly FakeUser Alice = FakeUser.Member(200000000000000001, "alice");

    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
    private ServiceProvider? _services;

    private HttpInteractionEndpoint Endpoint(Func<Interaction, InteractionResponder, CancellationToken, Task> handle)
    {
        var options = Options(o =>
        {
            o.Mode = BackendPrep.Discord.Hosting.DiscordMode.Http;
            o.PublicKey = Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        });
        var services = new ServiceCollection();
        services.AddScoped<IInteractionHandler>(_ => new Handler(handle));
        _services = services.BuildServiceProvider();
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var dispatcher = new InteractionDispatcher(CreateClient(options, _time), _services.GetRequiredService<IServiceScopeFactory>(), wrapped, _time, Metrics);
        return new HttpInteractionEndpoint(dispatcher, wrapped, _time, Metrics);
    }

    private Task<HttpInteractionResponse> PostAsync(HttpInteractionEndpoint endpoint, string json, bool tamper = false)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(_key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]));
        if (tamper)
            body[^2] ^= 1;
        return endpoint.HandleAsync(body, signature, timestamp, CancellationToken.None, CancellationToken.None);
    }

    [Fact]
    public async Task Refusals_are_counted_by_reason_and_never_reach_the_handler()
    {
        using var rejections = new CounterProbe(Metrics, "discord.interactions.signature_rejections");
        var calls = 0;
        var endpoint = Endpoint((_, _, _) => Task.FromResult(Interlocked.Increment(ref calls)));
        var json = FakeInteractions.SlashCommand(Alice, "plan");

        var tampered = await PostAsync(endpoint, json, tamper: true);
        var unsigned = await endpoint.HandleAsync(Encoding.UTF8.GetBytes(json), null, null, CancellationToken.None, CancellationToken.None);

        Assert.Equal(401, tampered.Status);
        Assert.Equal(401, unsigned.Status);
        Assert.True(tampered.Body.IsEmpty);
        Assert.Equal(1, rejections.Where("reason", nameof(SignatureVerdict.Invalid)));
        Assert.Equal(1, rejections.Where("reason", nameof(SignatureVerdict.Missing)));
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_an_interaction_is_a_bad_request()
    {
        var endpoint = Endpoint((_, _, _) => throw new InvalidOperationException("not reached"));

        Assert.Equal(400, (await PostAsync(endpoint, "{\"type\":")).Status);
        Assert.Equal(400, (await PostAsync(endpoint, """{"type":2,"id":"0","token":""}""")).Status);
    }

    [Fact]
    public async Task Follow_ups_wait_until_the_initial_response_has_been_written()
    {
        var followUpSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var endpoint = Endpoint(async (_, responder, ct) =>
        {
            await responder.RespondAsync(MessagePayload.Text("first"), ct);
            await responder.FollowUpAsync(MessagePayload.Text("second"), ct);
            followUpSent.SetResult();
        });

        var response = await PostAsync(endpoint, FakeInteractions.SlashCommand(Alice, "plan"));
        var before = Server.RequestsTo(FakeRoutes.FollowUp).Count;
        response.Written();
        await followUpSent.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(200, response.Status);
        Assert.Equal(HttpInteractionResponse.JsonContentType, response.ContentType);
        using var body = JsonDocument.Parse(response.Body);
        Assert.Equal(4, body.RootElement.GetProperty("type").GetInt32());
        Assert.Equal("first", body.RootElement.GetProperty("data").GetProperty("content").GetString());
        Assert.Equal(0, before);
        Assert.Contains("second", Assert.Single(Server.RequestsTo(FakeRoutes.FollowUp)).JsonText, StringComparison.Ordinal);
        Assert.Empty(Server.RequestsTo(FakeRoutes.Callback));
    }

    [Fact]
    public async Task When_the_response_could_not_be_written_the_handler_learns_it_and_sends_nothing_after()
    {
        var finished = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var endpoint = Endpoint(async (_, responder, ct) =>
        {
            try
            {
                await responder.RespondAsync(MessagePayload.Text("first"), ct);
                await responder.FollowUpAsync(MessagePayload.Text("second"), ct);
                finished.SetResult(null);
            }
            catch (Exception ex)
            {
                finished.SetResult(ex);
                throw;
            }
        });

        var response = await PostAsync(endpoint, FakeInteractions.SlashCommand(Alice, "plan"));
        response.Written(new IOException("connection reset"));
        var failure = await finished.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.IsType<IOException>(failure);
        Assert.Empty(Server.RequestsTo(FakeRoutes.FollowUp));
    }

    [Fact]
    public async Task A_handler_that_never_answers_ends_the_request_with_500()
    {
        var endpoint = Endpoint((_, _, _) => Task.CompletedTask);

        var response = await PostAsync(endpoint, FakeInteractions.SlashCommand(Alice, "plan"));

        Assert.Equal(500, response.Status);
    }

    public void Dispose()
    {
        _key.Dispose();
        _services?.Dispose();
    }

    private sealed class Handler(Func<Interaction, InteractionResponder, CancellationToken, Task> handle) : IInteractionHandler
    {
        public Task HandleAsync(Interaction interaction, InteractionResponder responder, CancellationToken cancellationToken) =>
            handle(interaction, responder, cancellationToken);
    }
}
