using BackendPrep.Core.Drills;

namespace BackendPrep.Core.Tests.Drills;

public sealed class InterviewDateModeTests
{
    private static readonly TimeZoneInfo Plus2 = TimeZoneInfo.CreateCustomTimeZone("Test/Plus2", TimeSpan.FromHours(2), "UTC+2", "UTC+2");
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Interview = new(2026, 5, 20);

    [Fact]
    public void Interview_starts_at_local_midnight()
    {
        var mode = new InterviewDateMode(Interview, Plus2);
        Assert.Equal(new DateTimeOffset(2026, 5, 19, 22, 0, 0, TimeSpan.Zero), mode.InterviewStart);
        Assert.True(mode.IsActive(Now));
        Assert.False(mode.IsActive(mode.InterviewStart));
    }

    [Theory]
    [InlineData(0.9, 0.95, 0.95)]
    [InlineData(0.96, 0.95, 0.96)]
    [InlineData(0.8, 0.97, 0.97)]
    public void Retention_is_raised_never_lowered(double usual, double requested, double expected) =>
        Assert.Equal(expected, new InterviewDateMode(Interview, Plus2, requested).EffectiveRetention(usual));

    [Fact]
    public void Requested_retention_is_validated() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new InterviewDateMode(Interview, Plus2, 0.99));

    [Fact]
    public void Every_rating_schedules_before_the_interview_while_active()
    {
        var mode = new InterviewDateMode(Interview, Plus2);
        var usual = new FsrsScheduler();
        var scheduler = mode.Scheduler(usual, Now);
        Assert.Equal(0.95, scheduler.DesiredRetention);

        // Reviewing on each due date keeps landing before the interview, as long as a whole day remains.
        var card = ReviewCard.New("c1", Now);
        var reviews = 0;
        for (var at = Now; mode.InterviewStart - at > TimeSpan.FromDays(1); at = card.Due)
        {
            (card, _) = mode.Scheduler(usual, at).Review(card, Rating.Easy, at);
            Assert.True(card.Due < mode.InterviewStart, $"review {reviews}: due {card.Due}");
            reviews++;
        }

        Assert.True(reviews >= 3);

        // Without interview mode the same ratings run past the interview.
        var plain = ReviewCard.New("c1", Now);
        (plain, _) = usual.Review(plain, Rating.Easy, Now);
        (plain, _) = usual.Review(plain, Rating.Easy, plain.Due);
        Assert.True(plain.Due > mode.InterviewStart);
    }

    [Fact]
    public void After_the_interview_the_usual_scheduler_applies()
    {
        var mode = new InterviewDateMode(Interview, Plus2);
        var usual = new FsrsScheduler();
        Assert.Same(usual, mode.Scheduler(usual, mode.InterviewStart.AddHours(1)));
    }

    [Fact]
    public void Cards_due_after_the_interview_are_pulled_in_without_touching_memory()
    {
        var mode = new InterviewDateMode(Interview, Plus2);
        var usual = new FsrsScheduler();
        var last = Now.AddDays(-3);
        var card = new ReviewCard("c1", CardState.Review, 60, 5, last.AddDays(60), last, 4, 0);

        var pulled = mode.PullIn(card, usual, Now);

        Assert.True(pulled.Due < mode.InterviewStart);
        Assert.True(pulled.Due > Now);
        Assert.Equal(card with { Due = pulled.Due }, pulled);

        var early = card with { Due = Now.AddDays(2) };
        Assert.Same(early, mode.PullIn(early, usual, Now));
        var fresh = ReviewCard.New("c2", Now);
        Assert.Same(fresh, mode.PullIn(fresh, usual, Now));
    }

    [Fact]
    public void A_weak_card_pulled_in_may_be_due_at_once()
    {
        var mode = new InterviewDateMode(Interview, Plus2);
        var last = Now.AddDays(-10);
        var card = new ReviewCard("c1", CardState.Review, 9, 5, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), last, 4, 0);
        var pulled = mode.PullIn(card, new FsrsScheduler(), Now);
        Assert.True(pulled.IsDue(Now));
    }
}
