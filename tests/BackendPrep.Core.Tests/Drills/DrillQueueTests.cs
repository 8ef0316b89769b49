using BackendPrep.Core.Drills;
using BackendPrep.Core.Study;

namespace BackendPrep.Core.Tests.Drills;

public sealed class DrillQueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly FsrsScheduler _scheduler = new();

    private static Flashcard Card(string id, string topic = "caching") =>
        new(id, Deck.Cues, "front " + id, ["back"], topic, new SourceRef("content/x.md", 1));

    private static ReviewCard Memory(string id, double stability, int daysSinceReview, int interval) =>
        new(id, CardState.Review, stability, 5, Now.AddDays(interval - daysSinceReview), Now.AddDays(-daysSinceReview), 2, 0);

    [Fact]
    public void Due_reviews_come_first_weakest_first_then_new_cards_in_content_order()
    {
        Flashcard[] deck = [Card("a"), Card("b"), Card("c"), Card("d"), Card("e"), Card("f")];
        ReviewCard[] memories =
        [
            Memory("b", stability: 30, daysSinceReview: 31, interval: 30), // due, R ≈ 0.9
            Memory("d", stability: 3, daysSinceReview: 10, interval: 3),   // due, long overdue: weakest
            Memory("e", stability: 50, daysSinceReview: 2, interval: 50),  // not due
        ];

        var queue = DrillQueue.Build(_scheduler, deck, memories, Now, newStartedToday: 0);

        Assert.Equal(["d", "b", "a", "c", "f"], queue.Select(i => i.Card.Id));
        Assert.Equal([DrillKind.Review, DrillKind.Review, DrillKind.New, DrillKind.New, DrillKind.New], queue.Select(i => i.Kind));
        Assert.Same(memories[1], queue[0].Memory);
        Assert.Equal(CardState.New, queue[2].Memory.State);
    }

    [Theory]
    [InlineData(10, 0, 3)]
    [InlineData(10, 8, 2)]
    [InlineData(10, 12, 0)]
    [InlineData(1, 0, 1)]
    public void New_cards_are_limited_by_what_is_left_of_the_daily_limit(int limit, int startedToday, int expectedNew)
    {
        Flashcard[] deck = [Card("a"), Card("b"), Card("c")];
        var queue = DrillQueue.Build(_scheduler, deck, [], Now, startedToday, limit);
        Assert.Equal(expectedNew, queue.Count(i => i.Kind == DrillKind.New));
        Assert.Equal(deck.Take(expectedNew).Select(c => c.Id), queue.Select(i => i.Card.Id));
    }

    [Fact]
    public void Memories_of_cards_no_longer_in_the_deck_are_ignored()
    {
        var queue = DrillQueue.Build(_scheduler, [Card("a")], [Memory("gone", 3, 10, 3)], Now, 0);
        Assert.Equal(["a"], queue.Select(i => i.Card.Id));
    }

    [Fact]
    public void Cram_takes_one_topic_regardless_of_due_dates_weakest_first()
    {
        Flashcard[] deck = [Card("a"), Card("x", "queues"), Card("b"), Card("c")];
        ReviewCard[] memories =
        [
            Memory("a", stability: 100, daysSinceReview: 1, interval: 100), // not due, strong
            Memory("b", stability: 5, daysSinceReview: 4, interval: 5),     // not due, weaker
        ];

        var queue = DrillQueue.Cram(_scheduler, deck, memories, "caching", Now);

        Assert.Equal(["c", "b", "a"], queue.Select(i => i.Card.Id));
        Assert.All(queue, i => Assert.Equal(DrillKind.Cram, i.Kind));
    }

    [Fact]
    public void New_cards_started_today_count_on_the_local_date_and_skip_cram_and_repeats()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test/Minus5", TimeSpan.FromHours(-5), "UTC-5", "UTC-5");
        var now = new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero); // 10:00 local
        var fresh = ReviewCard.New("a", now);
        var (afterA, logA) = _scheduler.Review(fresh, Rating.Good, now.AddHours(-9));          // 01:00 local today
        var (_, logA2) = _scheduler.Review(afterA, Rating.Good, now.AddHours(-8));             // same card again
        var (_, logB) = _scheduler.Review(ReviewCard.New("b", now), Rating.Good, now.AddHours(-11)); // 23:00 local yesterday
        var (_, logC) = _scheduler.Review(ReviewCard.New("c", now), Rating.Hard, now.AddHours(-1));
        var cram = ReviewLog.ForCram(ReviewCard.New("d", now), Rating.Good, now);

        Assert.Equal(2, DrillQueue.NewCardsStartedToday([logA, logA2, logB, logC, cram], now, zone));
    }
}
