using BackendPrep.Core.Grading;
using BackendPrep.Core.Prompts;
using BackendPrep.Core.Study;

namespace BackendPrep.Storage.Tests;

public sealed class AttemptStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static readonly InterviewPrompt Prompt = new("webhook", "idempotency", Level.Senior, "Webhook", "Design it.",
        new Rubric([Item("sig"), Item("dedupe"), Item("dlq")]), ["And at scale?"], new SourceRef("p.md", 1));

    private static RubricItem Item(string id) => new(id, id, [id], $"What about {id}?", new SourceRef("p.md", 2));

    private static PromptAttempt First(string id = "a1", string user = "u1", string? round = null) =>
        PromptAttempt.First(id, user, Prompt, "We verify the sig on every request.",
            new GradeResult(Prompt.Id, [new("sig", true, "We verify the sig on every request."), new("dedupe", false, null), new("dlq", false, null)]),
            At, round);

    [Fact]
    public async Task An_attempt_round_trips_with_answers_items_evidence_and_timestamps()
    {
        using var temp = new TempDatabase();
        var attempt = First().WithFollowUp("We dedupe on the event id.", new GradeResult(Prompt.Id, [new("dedupe", true, "We dedupe on the event id."), new("dlq", false, null)]), At.AddMinutes(3));
        using (var store = temp.Open())
        {
            Assert.True(await new AttemptStore(store).TryAddAsync(attempt, default));
        }

        using var reopened = temp.Open();
        var loaded = await new AttemptStore(reopened).GetAsync("a1", default);

        Assert.NotNull(loaded);
        Assert.Equal(["sig", "dedupe"], loaded.Result.Covered);
        Assert.Equal("We dedupe on the event id.", loaded.Result.Item("dedupe")!.Evidence);
        Assert.Equal([AnswerKind.Original, AnswerKind.FollowUp], loaded.Answers.Select(a => a.Kind));
        Assert.Equal(["dedupe", "dlq"], loaded.Answers[1].GradedItems);
        Assert.Equal(At, loaded.StartedAt);
        Assert.Equal(At.AddMinutes(3), loaded.UpdatedAt);
        Assert.Equal(2, loaded.Version);
        Assert.Equal(2.0 / 3, loaded.Score, 6);
    }

    [Fact]
    public async Task Concurrent_first_submissions_of_the_same_attempt_store_exactly_one()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        var attempts = new AttemptStore(store);

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => attempts.TryAddAsync(First(), default))));

        Assert.Equal(1, results.Count(r => r));
        Assert.Single(await attempts.ForUserAsync("u1", default));
    }

    [Fact]
    public async Task Concurrent_follow_ups_built_on_the_same_version_apply_exactly_once()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        var attempts = new AttemptStore(store);
        var first = First();
        await attempts.TryAddAsync(first, default);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
        {
            var followUp = new GradeResult(Prompt.Id, [new("dedupe", true, $"answer {i} dedupes."), new("dlq", false, null)]);
            return attempts.TryReplaceAsync(first.WithFollowUp($"answer {i}", followUp, At.AddMinutes(1)), first.Version, default);
        })));

        var stored = await attempts.GetAsync(first.Id, default);
        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(2, stored!.Version);
        Assert.Equal(2, stored.Answers.Count);
        Assert.False(await attempts.TryReplaceAsync(first.WithFollowUp("late", new GradeResult(Prompt.Id, []), At), first.Version, default));
    }

    [Fact]
    public async Task Attempts_are_listed_per_user_oldest_first_and_per_round()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        var attempts = new AttemptStore(store);
        await attempts.TryAddAsync(First("b", "u1") with { StartedAt = At.AddHours(1) }, default);
        await attempts.TryAddAsync(First("a", "u1"), default);
        await attempts.TryAddAsync(First("r-u1", "u1", round: "r"), default);
        await attempts.TryAddAsync(First("r-u2", "u2", round: "r"), default);

        Assert.Equal(["a", "r-u1", "b"], (await attempts.ForUserAsync("u1", default)).Select(a => a.Id));
        Assert.Equal(["r-u1", "r-u2"], (await attempts.ForRoundAsync("r", default)).Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Empty(await attempts.ForRoundAsync("other", default));
    }

    [Fact]
    public async Task Shown_prompts_keep_the_latest_time_per_user_and_prompt()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        var attempts = new AttemptStore(store);

        await attempts.MarkShownAsync("u1", "webhook", At, default);
        await attempts.MarkShownAsync("u1", "webhook", At.AddHours(2), default);
        await attempts.MarkShownAsync("u1", "cache", At, default);
        await attempts.MarkShownAsync("u2", "webhook", At, default);

        var shown = await attempts.ShownAsync("u1", default);
        Assert.Equal(2, shown.Count);
        Assert.Equal(At.AddHours(2), shown["webhook"]);
    }

    [Fact]
    public async Task A_group_round_is_revealed_once_even_when_pressed_concurrently()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        var rounds = new GroupRoundStore(store);
        await rounds.AddAsync(new GroupRound("r1", "webhook", "u1", "alice", "g", "c", "m1", At), default);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => rounds.MarkRevealedAsync("r1", At.AddMinutes(5), default))));

        var round = await rounds.GetAsync("r1", default);
        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(At.AddMinutes(5), round!.RevealedAt);
        Assert.Equal(("m1", "c", "alice"), (round.MessageId, round.ChannelId, round.StarterName));
        Assert.Null(await rounds.GetAsync("nope", default));
    }
}

/// <summary>
/// These tests run beside the other store tests; LiteDB's shared mapper can hand a half-built type mapping to a second
/// thread the first time a type is mapped, so one database is opened (mapping the schema's types) before any test.
/// </summary>
internal static class AttemptStoreWarmUp
{
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void Run()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        _ = new TopicProgressStore(store).LearnedAsync("warm-up", CancellationToken.None).GetAwaiter().GetResult();
    }
}
