using System.Text;
using BackendPrep.Bot.Transports.Discord;
using BackendPrep.Core.Replies;
using BackendPrep.Discord.Gateway;
using BackendPrep.Discord.Models;
using BackendPrep.Discord.Rest;
using BackendPrep.FakeDiscord;
using BenchmarkDotNet.Attributes;

namespace BackendPrep.Benchmarks;

/// <summary>
/// The wire work of one interaction with the source-generated contexts: reading an INTERACTION_CREATE gateway frame
/// (envelope, then the interaction) and writing the callback body for a card with buttons, as the gateway client and
/// the REST client do it.
/// </summary>
[MemoryDiagnoser]
public class DiscordJsonBenchmarks
{
    private byte[] _frame = null!;
    private InteractionCallback _callback = null!;

    [GlobalSetup]
    public void Setup()
    {
        var user = FakeUser.Member(300_000_000_000_000_042, "load");
        var interaction = FakeInteractions.SlashCommand(user, "topic", """[{"type":3,"name":"name","value":"caching"}]""");
        _frame = Encoding.UTF8.GetBytes($$"""{"op":0,"s":4211,"t":"INTERACTION_CREATE","d":{{interaction}}}""");

        // The shape of a /topic answer: a card with fields and a footer, two rows of buttons.
        var card = new ReplyCard("Caching", string.Join(' ', Enumerable.Repeat("Keep hot data close to the reader and decide how it goes stale.", 6)))
        {
            Fields = [new ReplyField("Core", "cache-aside, write-through, TTLs", Inline: true), new ReplyField("Pitfalls", "stampedes, stale reads", Inline: true)],
            Footer = "Run /prompt to practise this topic.",
            Accent = 0x5865F2,
        };
        var reply = Reply.Show(card,
            ControlRow.Of(new Button("Mark learned", "topic.learn:v1:300000000000000042:caching:CoreDetails", ControlStyle.Success), new Button("Next", "topic.next:v1:300000000000000042:caching")),
            ControlRow.Of(new Button("Practise", "prompt.topic:v1:300000000000000042:caching", ControlStyle.Primary)));
        _callback = InteractionCallback.Reply(DiscordReplies.ToPayload(reply));
    }

    [Benchmark]
    public Interaction ReadInteractionCreateFrame()
    {
        GatewayFrame.TryParse(_frame, out var frame);
        return DiscordJson.ParseInteraction(frame.Data.Span);
    }

    [Benchmark]
    public byte[] WriteCallback() => RequestBodies.Callback(_callback);
}
