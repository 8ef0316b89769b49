using BackendPrep.Bot.Transports.Discord;
using BackendPrep.Core.Replies;
using BackendPrep.Discord.Models;
using static BackendPrep.Bot.Tests.Progress.ProgressHarness;

namespace BackendPrep.Bot.Tests.Progress;

public sealed class ProgressPayloadTests
{
    [Fact]
    public async Task Progress_leaderboard_and_privacy_commands_and_replies_fit_discords_limits()
    {
        using var content = TempContent.Minimal();
        using var h = new ProgressHarness(content.Root);
        await ProgressCommandTests.AnswerAsync(h, Alice, "a1");

        var definitions = CommandDefinitions.From(h.Router.Routes);
        PayloadValidator.Validate(definitions);
        Assert.Equal(["user"], Assert.Single(definitions, d => d.Name == "progress").Options!.Select(o => o.Name));
        Assert.Equal(["action", "leaderboard", "public"], Assert.Single(definitions, d => d.Name == "privacy").Options!.Select(o => o.Name));

        var own = await h.CommandAsync(Alice, "progress");
        var replies = new List<Reply>
        {
            own,
            await h.PressAsync(Alice, Action(own, "Practise 1")),
            await h.CommandAsync(Alice, "leaderboard", ("by", "coverage")),
            await h.CommandAsync(Alice, "privacy"),
            await h.CommandAsync(Alice, "privacy", ("action", "delete")),
            await h.CommandAsync(Alice, "privacy", ("action", "export")),
        };

        foreach (var reply in replies)
        {
            PayloadValidator.Validate(DiscordReplies.ToPayload(reply));
            Assert.All(reply.Rows.SelectMany(r => r.Controls), c => Assert.InRange(c.Action.Length, 1, 100));
        }

        Assert.Equal(4, own.Rows.Single().Controls.Count);
    }
}
