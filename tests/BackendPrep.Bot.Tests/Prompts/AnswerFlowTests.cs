using BackendPrep.Bot.Features.Topics;
using BackendPrep.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using static BackendPrep.Bot.Tests.Prompts.PromptHarness;

namespace BackendPrep.Bot.Tests.Prompts;

public sealed class AnswerFlowTests
{
    [Fact]
    public async Task Another_users_answer_button_form_and_follow_ups_are_refused()
    {
        using var content = TempContent.Minimal();
        using var harness = new PromptHarness(content.Root);
        var card = await harness.CommandAsync(Alice, "prompt");
        var answer = Action(card, "Answer");

        Assert.Contains("belongs to someone else", Text(await harness.PressAsync(Bob, answer)), StringComparison.Ordinal);

        var form = FormOf(await harness.PressAsync(Alice, answer));
        Assert.Contains("belongs to someone else", Text(await harness.SubmitAsync(Bob, form.Action, PromptContent.HalfAnswer)), StringComparison.Ordinal);

        var result = await harness.SubmitAsync(Alice, form.Action, PromptContent.HalfAnswer);
        var attemptId = Action(result, "Answer follow-ups").Split(':')[3];

        // A forged follow-up form "owned" by Bob but naming Alice's attempt is refused by the handler itself.
        var forged = await harness.SubmitAsync(Bob, $"prompt.fu.submit:v1:{Bob.Id}:{attemptId}:1", PromptContent.FollowUpAnswer);
        Assert.Contains("can't find that attempt of yours", Text(forged), StringComparison.Ordinal);
        var stored = await harness.Services.GetRequiredService<IAttemptStore>().GetAsync(attemptId, default);
        Assert.Single(stored!.Answers);
    }

    [Fact]
    public async Task Hostile_answer_text_is_capped_cleaned_and_echoed_inert()
    {
        using var content = TempContent.Minimal();
        using var harness = new PromptHarness(content.Root);
        var form = FormOf(await harness.PressAsync(Alice, Action(await harness.CommandAsync(Alice, "prompt"), "Answer")));
        var hostile = "@everyone we handle al\u200Bpha with `rm -rf` and <@123> and @here because every request needs it.\u202E\n"
            + "**Beta** is checked on the request path before ||anything|| is written to [a link](https://x.test).\n"
            + string.Concat(Enumerable.Repeat("Filler sentence about nothing in particular at all. ", 120));
        Assert.True(hostile.Length > 4000);

        var result = await harness.SubmitAsync(Alice, form.Action, hostile);
        var reply = ReplyOf(result);
        var body = reply.Cards[0].Body;

        Assert.Contains("✓ **Item A**", body, StringComparison.Ordinal);
        Assert.Contains("✓ **Item B**", body, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", body, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\u200B", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", body, StringComparison.Ordinal);
        Assert.Contains("＠everyone", body, StringComparison.Ordinal);
        Assert.Contains("\\`rm -rf\\`", body, StringComparison.Ordinal);
        Assert.Contains("\\*\\*Beta\\*\\*", body, StringComparison.Ordinal);
        Assert.Contains("\\|\\|anything\\|\\|", body, StringComparison.Ordinal);
        Assert.Contains("\\[a link\\]", body, StringComparison.Ordinal);
        Assert.All(body.Split('\n'), line => Assert.True(line.Length < 400, line));

        var attemptId = Action(reply, "Answer follow-ups").Split(':')[3];
        var stored = await harness.Services.GetRequiredService<IAttemptStore>().GetAsync(attemptId, default);
        Assert.Equal(4000, stored!.Answers[0].Text.Length);
        Assert.DoesNotContain("\u200B", stored.Answers[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_answer_is_refused_and_nothing_is_stored()
    {
        using var content = TempContent.Minimal();
        using var harness = new PromptHarness(content.Root);
        var form = FormOf(await harness.PressAsync(Alice, Action(await harness.CommandAsync(Alice, "prompt"), "Answer")));

        var response = await harness.SubmitAsync(Alice, form.Action, " \u200B\n ");

        Assert.Contains("answer was empty", Text(response), StringComparison.Ordinal);
        Assert.Empty(await harness.Services.GetRequiredService<IAttemptStore>().ForUserAsync(Alice.Id, default));
    }

    [Fact]
    public async Task Concurrent_submissions_of_one_form_and_of_one_follow_up_count_once()
    {
        using var content = TempContent.Minimal();
        using var harness = new PromptHarness(content.Root);
        var form = FormOf(await harness.PressAsync(Alice, Action(await harness.CommandAsync(Alice, "prompt"), "Answer")));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => harness.SubmitAsync(Alice, form.Action, PromptContent.HalfAnswer))));

        var store = harness.Services.GetRequiredService<IAttemptStore>();
        var attempt = Assert.Single(await store.ForUserAsync(Alice.Id, default));
        Assert.Equal(7, results.Count(r => Text(r).Contains("already answered", StringComparison.Ordinal)));

        var followUp = FormOf(await harness.PressAsync(Alice, Action(results[0], "Answer follow-ups")));
        var followUps = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => harness.SubmitAsync(Alice, followUp.Action, PromptContent.FollowUpAnswer))));

        var after = await store.GetAsync(attempt.Id, default);
        Assert.Equal(2, after!.Answers.Count);
        Assert.Equal(1.0, after.Score);
        Assert.Equal(1, followUps.Count(r => Text(r).Contains("covered 2 more points", StringComparison.Ordinal)));
        Assert.Contains("already recorded", Text(await harness.SubmitAsync(Alice, followUp.Action, PromptContent.FollowUpAnswer)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_is_graded_only_on_the_missed_items()
    {
        using var content = TempContent.Minimal();
        using var harness = new PromptHarness(content.Root);
        var form = FormOf(await harness.PressAsync(Alice, Action(await harness.CommandAsync(Alice, "prompt"), "Answer")));
        var result = await harness.SubmitAsync(Alice, form.Action, PromptContent.HalfAnswer);

        var followUp = FormOf(await harness.PressAsync(Alice, Action(result, "Answer follow-ups")));
        Assert.Equal("What about C?", followUp.Fields[0].Placeholder);
        var merged = await harness.SubmitAsync(Alice, followUp.Action, "We handle alpha again in a new way entirely. We store gamma durably so that nothing is lost.");

        Assert.Contains("covered 1 more point.", Text(merged), StringComparison.Ordinal);
        Assert.Contains("✓ **Item A** — “We handle alpha carefully", Text(merged), StringComparison.Ordinal); // earlier evidence kept
        var attempt = Assert.Single(await harness.Services.GetRequiredService<IAttemptStore>().ForUserAsync(Alice.Id, default));
        Assert.Equal(["c", "d"], attempt.Answers[1].GradedItems);
        Assert.Equal(["a", "b", "c"], attempt.Result.Covered);
    }

    [Fact]
    public async Task The_topic_page_offers_prompts_on_its_topic()
    {
        using var content = TempContent.Minimal();
        using var harness = new PromptHarness(content.Root);

        var page = await harness.CommandAsync(Alice, "topic", ("name", "t"));
        var button = Action(page, "Prompts on this topic");

        Assert.StartsWith(TopicsFeature.PromptsForTopicRoute + ":", button, StringComparison.Ordinal);
        var card = await harness.PressAsync(Alice, button);
        Assert.Contains("== A prompt ==", Text(card), StringComparison.Ordinal);
        Assert.Contains(ReplyOf(card).Rows[0].Controls, c => c.Action.StartsWith("prompt.answer:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Answer_after_answering_shows_the_stored_result_instead_of_a_new_form()
    {
        using var content = TempContent.Minimal();
        using var harness = new PromptHarness(content.Root);
        var answer = Action(await harness.CommandAsync(Alice, "prompt"), "Answer");
        await harness.SubmitAsync(Alice, FormOf(await harness.PressAsync(Alice, answer)).Action, PromptContent.HalfAnswer);

        var again = await harness.PressAsync(Alice, answer);

        Assert.Contains("You already answered this prompt", Text(again), StringComparison.Ordinal);
        Assert.Contains("Coverage 2/4", Text(again), StringComparison.Ordinal);
    }
}
