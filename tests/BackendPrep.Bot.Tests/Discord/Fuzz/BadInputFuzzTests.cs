using System.Text;
using System.Text.Json;
using BackendPrep.Bot.Interactions;
using BackendPrep.Bot.Transports.Discord;
using BackendPrep.Core.Replies;
using BackendPrep.Discord.Models;
using BackendPrep.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BackendPrep.Bot.Tests.Discord.Fuzz;

/// <summary>
/// Bad input (issue #9): seeded hostile gateway frames and interaction payloads. One test sends them over the fake's
/// real WebSocket to the running bot; the other pushes a larger volume through the same parse → route → render path
/// in-process. Both check that nothing crashes, the victim's stored state never changes, every intact interaction is
/// answered once (forged owners with a clear private refusal), and every outgoing message is inert.
/// Reproduce: <c>dotnet test tests/BackendPrep.Bot.Tests -c Release --filter BadInputFuzzTests</c>.
/// </summary>
public sealed class BadInputFuzzTests(ITestOutputHelper output)
{
    public const int Seed = 9_112_026;
    public const int SocketFrames = 1_000;
    public const int SocketPayloads = 1_600;
    public const int InProcessPayloads = 8_000;
    private const int Batch = 40;

    [Fact]
    public async Task Hostile_frames_and_payloads_over_the_socket_crash_nothing_and_touch_no_one_elses_state()
    {
        await using var arena = await FuzzArena.StartAsync();
        var victimBefore = arena.StateOf(FuzzArena.Victim.Id);
        var cases = new FuzzCases(new Random(Seed), arena.Commands, FuzzArena.Attacker, FuzzArena.Victim.Id, arena.AttackerHarvest, arena.VictimHarvest);
        var frames = new Random(Seed + 1);
        var intact = new Dictionary<ulong, FuzzCase>();
        var sent = 0;
        var raw = 0;
        while (sent < SocketPayloads || raw < SocketFrames)
        {
            var batch = new List<ulong>();
            for (var i = 0; i < Batch; i++)
            {
                if (raw < SocketFrames && (sent >= SocketPayloads || frames.Next(8) < 3))
                {
                    await arena.Discord.Gateway.SendRawAsync(GatewayGarbage.Draw(frames), fragmentSize: frames.Next(4) == 0 ? 7 : 0);
                    raw++;
                    continue;
                }

                var next = cases.Next();
                await arena.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", next.Json);
                sent++;
                if (next.Intact)
                {
                    intact[BotOnFakeDiscord.Id(next.Json)] = next;
                    batch.Add(BotOnFakeDiscord.Id(next.Json));
                }
            }

            try
            {
                await arena.Pump.UntilAsync(() => batch.All(id => arena.Accepted(id) is not null), $"batch ending at payload {sent}");
            }
            catch (TimeoutException)
            {
                // What the bot said and what it left unanswered, for whoever reads the failure.
                output.WriteLine($"gateway {arena.Probe.Gateway}, connections {arena.Discord.Gateway.Connections}");
                arena.Probe.Logs.ToList().ForEach(l => output.WriteLine($"log {l}"));
                batch.Where(id => arena.Accepted(id) is null).ToList().ForEach(id => output.WriteLine($"unanswered {intact[id]}"));
                throw;
            }
        }

        var canary = await arena.AskAsync(FakeInteractions.SlashCommand(FuzzArena.Attacker, "help"));
        var callbacks = arena.Discord.RequestsTo(FakeRoutes.Callback);
        output.WriteLine($"seed {Seed}: {raw} raw frames, {sent} payloads ({intact.Count} intact), {callbacks.Count} callbacks, "
            + $"{arena.Probe.Counter("discord.interactions.malformed")} counted malformed, fake time {arena.Pump.Advanced}");

        Assert.Equal(4, canary.CallbackType);
        Assert.Equal(1, arena.Discord.Gateway.Connections); // no frame was bad enough to cost the connection
        Assert.All(callbacks.GroupBy(c => c.Path), g => Assert.Single(g, c => c.ResponseStatus is >= 200 and < 300));
        foreach (var (id, fuzz) in intact)
        {
            var answer = arena.Accepted(id)!;
            Assert.DoesNotContain("Something went wrong", answer.JsonText, StringComparison.Ordinal);
            if (fuzz.ForgedOwner)
            {
                AssertPrivateRefusal(answer, fuzz);
            }
        }

        AssertInert(arena.Discord.Requests.Where(r => r.Route is FakeRoutes.Callback or FakeRoutes.EditOriginal or FakeRoutes.FollowUp or FakeRoutes.CreateMessage));
        Assert.Empty(arena.Discord.SchemaViolations);
        Assert.Equal(0, arena.Probe.Counter("discord.interactions.shed"));
        Assert.Equal(victimBefore, arena.StateOf(FuzzArena.Victim.Id));
        Assert.Empty(arena.Probe.Problems);
    }

    [Fact]
    public async Task Thousands_of_hostile_payloads_through_parse_route_and_render_stay_inert_and_in_their_owners_lane()
    {
        await using var arena = await FuzzArena.StartAsync();
        var victimBefore = arena.StateOf(FuzzArena.Victim.Id);
        var cases = new FuzzCases(new Random(Seed + 2), arena.Commands, FuzzArena.Attacker, FuzzArena.Victim.Id, arena.AttackerHarvest, arena.VictimHarvest);
        var router = arena.Probe.Services.GetRequiredService<InteractionRouter>();
        var (unparsed, answered, refusedForged) = (0, 0, 0);
        for (var i = 0; i < InProcessPayloads; i++)
        {
            var fuzz = cases.Next();
            Interaction interaction;
            try
            {
                interaction = DiscordJson.ParseInteraction(Encoding.UTF8.GetBytes(fuzz.Json));
            }
            catch (Exception ex) when (!fuzz.Intact && ex is JsonException or NotSupportedException or InvalidOperationException or FormatException or OverflowException)
            {
                unparsed++; // the dispatcher logs and counts these as malformed
                continue;
            }

            if (DiscordInvocations.From(interaction) is not { } invocation)
            {
                Assert.False(fuzz.Intact, $"intact payload not understood: {fuzz.Json[..Math.Min(300, fuzz.Json.Length)]}");
                continue;
            }

            await using var scope = arena.Probe.Services.CreateAsyncScope();
            var response = await router.DispatchAsync(invocation, scope.ServiceProvider, CancellationToken.None);
            answered++;
            switch (response)
            {
                case MessageResponse { Reply: var reply }:
                    var payload = DiscordReplies.ToPayload(reply);
                    PayloadValidator.Validate(payload);
                    Assert.Equal([], payload.AllowedMentions?.Parse);
                    var text = DiscordJson.Serialize(payload);
                    Assert.False(HostileText.LooksLive(Decoded(text)), $"{fuzz.Kind}: live text in {text[..Math.Min(400, text.Length)]}");
                    Assert.DoesNotContain("Something went wrong", text, StringComparison.Ordinal);
                    if (fuzz.ForgedOwner)
                    {
                        Assert.Equal(Visibility.Private, reply.Visibility);
                        Assert.Contains("someone else", reply.Text, StringComparison.Ordinal);
                        refusedForged++;
                    }

                    break;
                case FormResponse form:
                    PayloadValidator.Validate(DiscordReplies.ToModal(form.Form));
                    Assert.False(fuzz.ForgedOwner, "a forged custom id opened a form");
                    break;
                case ChoicesResponse choices:
                    PayloadValidator.Validate(DiscordReplies.ToChoices(choices.Choices));
                    break;
            }
        }

        output.WriteLine($"seed {Seed + 2}: {InProcessPayloads} payloads, {unparsed} refused by the parser, {answered} routed, {refusedForged} forged owners refused");
        Assert.True(refusedForged > 0);
        Assert.Equal(victimBefore, arena.StateOf(FuzzArena.Victim.Id));
        Assert.Empty(arena.Probe.Problems);
    }

    private static void AssertPrivateRefusal(RecordedRequest answer, FuzzCase fuzz)
    {
        var data = answer.Json!.Value.GetProperty("data");
        Assert.True(answer.CallbackType == 4, $"{fuzz.Kind}: forged owner answered with callback type {answer.CallbackType}");
        Assert.Equal(64, data.GetProperty("flags").GetInt32() & 64);
        Assert.Contains("someone else", data.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Every message body the bot sent: mentions switched off, and no hostile text left live.</summary>
    private static void AssertInert(IEnumerable<RecordedRequest> requests)
    {
        foreach (var request in requests)
        {
            if (request.Json is not { ValueKind: JsonValueKind.Object } body)
            {
                continue;
            }

            var message = request.Route == FakeRoutes.Callback ? (body.TryGetProperty("data", out var d) ? d : default) : body;
            if (message.ValueKind != JsonValueKind.Object || request.CallbackType is 8 or 9 || !(message.TryGetProperty("content", out _) || message.TryGetProperty("embeds", out _)))
            {
                continue;
            }

            Assert.True(message.TryGetProperty("allowed_mentions", out var mentions) && mentions.GetProperty("parse").GetArrayLength() == 0,
                $"{request}: no allowed_mentions with an empty parse");
            var text = Flatten(message);
            Assert.False(HostileText.LooksLive(text), $"{request}: live text {text[..Math.Min(400, text.Length)]}");
        }
    }

    /// <summary>JSON text with its escapes resolved, so an escaped zero-width space is found too.</summary>
    private static string Decoded(string json) => Flatten(JsonDocument.Parse(json).RootElement);

    private static string Flatten(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() ?? "",
        // Custom ids are never shown to anyone, so tampered text carried back in them is not rendered.
        JsonValueKind.Object => string.Join("\n", element.EnumerateObject().Where(p => p.Name != "custom_id").Select(p => Flatten(p.Value))),
        JsonValueKind.Array => string.Join("\n", element.EnumerateArray().Select(Flatten)),
        _ => "",
    };
}
