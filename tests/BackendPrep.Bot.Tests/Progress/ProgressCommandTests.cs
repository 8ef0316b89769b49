using BackendPrep.Bot.Features.Progress;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Grading;
using BackendPrep.Core.Prompts;
using BackendPrep.Core.Storage;
using BackendPrep.Core.Study;
using static BackendPrep.Bot.Tests.Progress.ProgressHarness;

namespace BackendPrep.Bot.Tests.Progress;

public sealed class ProgressCommandTests
{
    /// <summary>An attempt on the minimal content's prompt "p" (items a–d) covering <paramref name="covered"/>.</summary>
    internal static async Task AnswerAsync(ProgressHarness h, Member user, string id, params string[] covered)
    {
        var prompt = h.Get<StudyContent>().Prompt("p")!;
        var result = new GradeResult(prompt.Id, [.. prompt.Rubric.Items.Select(i => new ItemGrade(i.Id, covered.Contains(i.Id), null))]);
        Assert.True(await h.Get<IAttemptStore>().TryAddAsync(PromptAttempt.First(id, user.Id, prompt, "secret answer text " + user.Name, result, h.Time.GetUtcNow()), default));
    }

    [Fact]
    public async Task Own_progress_shows_every_section_with_a_phone_sized_png_chart_and_practise_buttons()
    {
        using var content = TempContent.Minimal();
        using var h = new ProgressHarness(content.Root);
        await h.Get<ITopicProgressStore>().MarkLearnedAsync(Alice.Id, "t", h.Time.GetUtcNow(), default);
        await AnswerAsync(h, Alice, "a1", "a", "b");
        await AnswerAsync(h, Alice, "a2", "a");
        h.Drills.AddDaily(Alice.Id, h.Time.GetUtcNow(), days: 4, perDay: 6);

        var reply = await h.CommandAsync(Alice, "progress");
        var text = Text(reply);

        Assert.Equal(Core.Replies.Visibility.Private, reply.Visibility);
        Assert.Contains("-- Topics learned — 1/1", text, StringComparison.Ordinal);
        Assert.Contains("Every topic is learned.", text, StringComparison.Ordinal);
        Assert.Contains("2 attempts on 1 prompt · average coverage 38%", text, StringComparison.Ordinal);
        Assert.Contains("• Topic T: 38% (2)", text, StringComparison.Ordinal);
        Assert.Contains("1. **Item C** — A prompt (missed 2 of 2)", text, StringComparison.Ordinal);
        Assert.Contains("Reviews: 24 in the last 7 days, 24 in the last 30", text, StringComparison.Ordinal);
        Assert.Contains("Streak: 4 days (best 4 days)", text, StringComparison.Ordinal);
        Assert.Equal(ProgressChart.FileName, reply.Cards[0].ImageFileName);
        var file = Assert.IsType<Core.Replies.ReplyFile>(reply.File);
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal((ProgressChart.Width, ProgressChart.Height(1)), PngSize(file.Content.Span));
        Assert.True(ProgressChart.Width >= 800);
        Assert.Equal(3, reply.Rows.Single().Controls.Count);
    }

    [Fact]
    public async Task A_practise_button_shows_the_prompt_of_that_item_to_its_owner_only()
    {
        using var content = TempContent.Minimal();
        using var h = new ProgressHarness(content.Root);
        await AnswerAsync(h, Alice, "a1", "a", "b", "d");
        var action = Action(await h.CommandAsync(Alice, "progress"), "Practise 1");

        var practice = Text(await h.PressAsync(Alice, action));
        var stolen = Text(await h.PressAsync(Bob, action));

        Assert.Contains("== A prompt ==", practice, StringComparison.Ordinal);
        Assert.Contains("-- Make sure you cover\n**Item C**", practice.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("belongs to someone else", stolen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_members_progress_shows_only_what_they_made_public()
    {
        using var content = TempContent.Minimal();
        using var h = new ProgressHarness(content.Root);
        await h.CommandAsync(Bob, "privacy");
        await h.Get<ITopicProgressStore>().MarkLearnedAsync(Bob.Id, "t", h.Time.GetUtcNow(), default);
        await AnswerAsync(h, Bob, "b1", "a");
        h.Drills.AddDaily(Bob.Id, h.Time.GetUtcNow(), days: 3, perDay: 5);

        var byDefault = await h.CommandAsync(Alice, "progress", ("user", $"<@{Bob.Id}>"));
        await h.CommandAsync(Bob, "privacy", ("public", "coverage"));
        var coverageOnly = Text(await h.CommandAsync(Alice, "progress", ("user", "@bob")));
        await h.CommandAsync(Bob, "privacy", ("public", "none"));
        var nothing = Text(await h.CommandAsync(Alice, "progress", ("user", Bob.Id)));

        var shown = Text(byDefault);
        Assert.Contains("== Progress of bob ==", shown, StringComparison.Ordinal);
        Assert.Contains("Streak: 3 days", shown, StringComparison.Ordinal);
        Assert.Contains("Topics learned — 1/1", shown, StringComparison.Ordinal);
        foreach (var secret in new[] { "coverage", "Item", "Reviews", "retention", "Due", "sessions", "secret answer" })
        {
            Assert.DoesNotContain(secret, shown, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Null(byDefault.File);
        Assert.Empty(byDefault.Rows);
        Assert.Contains("average coverage 25%", coverageOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("Streak", coverageOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("Topics learned", coverageOnly, StringComparison.Ordinal);
        Assert.Equal("bob keeps their progress private.", nothing);
    }

    [Fact]
    public async Task An_unknown_member_is_refused_politely()
    {
        using var content = TempContent.Minimal();
        using var h = new ProgressHarness(content.Root);

        var text = Text(await h.CommandAsync(Alice, "progress", ("user", "@nobody")));

        Assert.Contains("I don't know who that is", text, StringComparison.Ordinal);
    }
}
