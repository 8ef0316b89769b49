using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Drills;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Storage;

namespace BackendPrep.Bot.Tests.Drills;

public sealed class DrillFeatureTests
{
    private static readonly Member Alice = new("1001", "alice");
    private static readonly Member Bob = new("1002", "bob");

    private static string Text(Reply reply) => string.Join('\n', new[] { reply.Text }.Concat(reply.Cards.Select(c => $"{c.Title}|{c.Body}|{c.Footer}")));

    /// <summary>Reveals the card a reply shows and presses the rating; returns the reply that follows.</summary>
    private static async Task<Reply> RateShownAsync(DrillHarness h, Member user, Reply front, string rating)
    {
        var back = DrillHarness.ReplyOf(await h.PressAsync(user, DrillHarness.Button(front, "Reveal")));
        return DrillHarness.ReplyOf(await h.PressAsync(user, DrillHarness.Button(back, rating)));
    }

    [Fact]
    public async Task Another_users_rating_button_is_refused_and_records_nothing()
    {
        using var h = new DrillHarness();
        var front = await h.CommandAsync(Alice, "drill next");
        var back = DrillHarness.ReplyOf(await h.PressAsync(Alice, DrillHarness.Button(front, "Reveal")));

        var refused = DrillHarness.ReplyOf(await h.PressAsync(Bob, DrillHarness.Button(back, "Good")));

        Assert.Contains("someone else's session", refused.Text, StringComparison.Ordinal);
        Assert.Empty(await h.Get<IReviewStore>().LogsAsync(Alice.Id, default));
        Assert.Empty(await h.Get<IReviewStore>().LogsAsync(Bob.Id, default));
    }

    [Fact]
    public async Task Concurrent_presses_of_a_rating_button_record_one_review()
    {
        using var h = new DrillHarness();
        var front = await h.CommandAsync(Alice, "drill next");
        var back = DrillHarness.ReplyOf(await h.PressAsync(Alice, DrillHarness.Button(front, "Reveal")));
        var good = DrillHarness.Button(back, "Good");

        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => h.PressAsync(Alice, good))));

        var texts = replies.Select(r => DrillHarness.ReplyOf(r).Text ?? "").ToList();
        Assert.Single(texts, t => t.StartsWith("Recorded Good", StringComparison.Ordinal));
        Assert.Equal(3, texts.Count(t => t.Contains("already rated", StringComparison.Ordinal)));
        var logs = await h.Get<IReviewStore>().LogsAsync(Alice.Id, default);
        Assert.Single(logs);
        Assert.Equal(1, (await h.Get<IReviewStore>().CardAsync(Alice.Id, "cue.cue-1", default))!.Reps);
    }

    [Fact]
    public async Task Due_cards_come_first_lowest_retrievability_first_then_new_cards_up_to_the_daily_limit()
    {
        using var h = new DrillHarness(cues: 4);
        await h.CommandAsync(Alice, "drill settings", ("new-per-day", "2"));
        var front = await h.CommandAsync(Alice, "drill next");
        Assert.Contains("Question number 1?", Text(front), StringComparison.Ordinal);
        var next = await RateShownAsync(h, Alice, front, "Good");
        Assert.Contains("back in 2 days", next.Text, StringComparison.Ordinal);
        Assert.Contains("Question number 2?", Text(next), StringComparison.Ordinal);
        var done = await RateShownAsync(h, Alice, next, "Again");

        // Two new cards a day: the third is held back until tomorrow.
        Assert.Contains("done for today", done.Text, StringComparison.Ordinal);

        h.Time.Advance(TimeSpan.FromDays(3));
        var later = await h.CommandAsync(Alice, "drill next");

        // Card 2 (rated Again) is the weaker memory, so it comes before card 1 despite the deck order; one new card (3) follows.
        Assert.Contains("Question number 2?", Text(later), StringComparison.Ordinal);
        Assert.Contains("2 due · 2 new", Text(later), StringComparison.Ordinal);
        var second = await RateShownAsync(h, Alice, later, "Good");
        Assert.Contains("Question number 1?", Text(second), StringComparison.Ordinal);
        var third = await RateShownAsync(h, Alice, second, "Good");
        Assert.Contains("Question number 3?", Text(third), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cram_goes_through_a_topic_without_changing_the_schedule_and_logs_cram_reviews()
    {
        using var h = new DrillHarness();
        var first = await RateShownAsync(h, Alice, await h.CommandAsync(Alice, "drill next"), "Good");
        var before = await h.Get<IReviewStore>().CardAsync(Alice.Id, "cue.cue-1", default);

        var cram = await h.CommandAsync(Alice, "drill cram", ("topic", "t"));
        Assert.Contains("Cram · t", Text(cram), StringComparison.Ordinal);
        var reply = cram;
        for (var i = 0; i < 4 && reply.Rows.Count > 0; i++)
        {
            reply = await RateShownAsync(h, Alice, reply, "Easy");
        }

        Assert.Contains("cram done", reply.Text, StringComparison.Ordinal);
        Assert.Equal(before, await h.Get<IReviewStore>().CardAsync(Alice.Id, "cue.cue-1", default));
        var logs = await h.Get<IReviewStore>().LogsAsync(Alice.Id, default);
        Assert.Equal(4, logs.Count(l => l.IsCram));
        Assert.Single(logs, l => !l.IsCram);
        Assert.NotNull(first);
    }

    [Fact]
    public async Task The_topic_page_button_route_is_registered_and_starts_a_cram()
    {
        using var h = new DrillHarness();
        Assert.True(h.Router.Routes.ComponentRouteExists(Features.Topics.TopicsFeature.DrillTopicRoute));

        var reply = DrillHarness.ReplyOf(await h.PressAsync(Alice, CustomId.For(Features.Topics.TopicsFeature.DrillTopicRoute, Alice.Id, "t")));

        Assert.Contains("Cram · t", Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_streak_day_is_the_users_local_date_across_midnight()
    {
        using var h = new DrillHarness(cues: 12);
        await h.CommandAsync(Alice, "drill settings", ("timezone", "asia/tokyo"), ("new-per-day", "20"));

        // 23:50 in Tokyo on 2 Nov is 14:50 UTC; ten minutes later it is 3 Nov there, still 2 Nov in UTC.
        h.Time.SetUtcNow(new DateTimeOffset(2026, 11, 2, 14, 50, 0, TimeSpan.Zero));
        var reply = await h.CommandAsync(Alice, "drill next");
        for (var i = 0; i < 5; i++)
        {
            reply = await RateShownAsync(h, Alice, reply, "Good");
        }

        Assert.Contains("Streak: 1 day (today counts)", reply.Text, StringComparison.Ordinal);
        h.Time.SetUtcNow(new DateTimeOffset(2026, 11, 2, 15, 10, 0, TimeSpan.Zero));
        reply = await h.CommandAsync(Alice, "drill next");
        for (var i = 0; i < 4; i++)
        {
            reply = await RateShownAsync(h, Alice, reply, "Good");
        }

        Assert.Contains("Streak: 1 day; 1 more review today", reply.Text, StringComparison.Ordinal);
        reply = await RateShownAsync(h, Alice, reply, "Good");
        Assert.Contains("Streak: 2 days (today counts)", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_are_validated_with_clear_errors()
    {
        using var h = new DrillHarness();

        Assert.Contains("Retention must be a number from 0.75 to 0.97", (await h.CommandAsync(Alice, "drill settings", ("retention", "0.99"))).Text, StringComparison.Ordinal);
        Assert.Contains("Did you mean: `Europe/Berlin`", (await h.CommandAsync(Alice, "drill settings", ("timezone", "Europe/Berlinn"))).Text, StringComparison.Ordinal);
        Assert.Contains("use YYYY-MM-DD", (await h.CommandAsync(Alice, "drill settings", ("interview-date", "15/01/2027"))).Text, StringComparison.Ordinal);
        Assert.Contains("must be after today", (await h.CommandAsync(Alice, "drill settings", ("interview-date", "2026-01-01"))).Text, StringComparison.Ordinal);
        var ok = await h.CommandAsync(Alice, "drill settings", ("interview-date", "2027-01-15"), ("retention", "0.9"));
        Assert.Contains("interview on 2027-01-15 (retention raised to 0.95", ok.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typed_answer_marks_the_named_moves_and_suggests_a_rating()
    {
        using var h = new DrillHarness();
        var front = await h.CommandAsync(Alice, "drill next");
        var form = Assert.IsType<FormResponse>(await h.PressAsync(Alice, DrillHarness.Button(front, "Type my answer"))).Form;

        var checkedReply = DrillHarness.ReplyOf(await h.DispatchAsync(new Invocation
        {
            Kind = InvocationKind.Form,
            Id = "f1",
            User = Alice,
            Action = form.Action,
            Fields = new Dictionary<string, string> { ["answer"] = "Retry with exponential backoff and jitter." },
        }));

        var body = checkedReply.Cards[0].Body;
        Assert.Contains("▫️ Put an idempotency key", body, StringComparison.Ordinal);
        Assert.Contains("✅ Retry with backoff and jitter", body, StringComparison.Ordinal);
        Assert.Contains("suggested rating: Good", checkedReply.Cards[0].Footer, StringComparison.Ordinal);
        Assert.Equal(ControlStyle.Primary, checkedReply.Rows[0].Controls.OfType<Button>().Single(b => b.Label.StartsWith("Good", StringComparison.Ordinal)).Style);
    }

    [Fact]
    public async Task A_pending_note_shows_once_on_the_next_drill()
    {
        using var h = new DrillHarness();
        var settings = h.Get<IDrillSettingsStore>();
        await settings.SaveAsync(await settings.GetAsync(Alice.Id, default) with { Note = "Your nudge was switched off." }, default);

        Assert.Equal("Your nudge was switched off.", (await h.CommandAsync(Alice, "drill next")).Text);
        Assert.Null((await h.CommandAsync(Alice, "drill next")).Text);
        Assert.Equal("g1", (await settings.GetAsync(Alice.Id, default)).LastGuildId);
    }
}
