using BackendPrep.Core.Drills;

namespace BackendPrep.Core.Tests.Drills;

public sealed class FsrsSchedulerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FsrsScheduler _scheduler = new();

    private static ReviewCard Reviewed(double stability, double difficulty, DateTimeOffset last, int days) =>
        new("c1", CardState.Review, stability, difficulty, last.AddDays(days), last, 3, 0);

    [Fact]
    public void Default_parameters_are_the_21_fsrs6_weights()
    {
        Assert.Equal(21, FsrsParameters.Default.Weights.Count);
        Assert.Equal(-0.1542, FsrsParameters.Default.Decay);
        // Factor is defined so that R = 0.9 when elapsed days equal stability.
        Assert.Equal(0.9, Math.Pow(1 + FsrsParameters.Default.Factor, FsrsParameters.Default.Decay), 12);
    }

    [Fact]
    public void Parameters_reject_wrong_count_and_out_of_bounds_weights()
    {
        Assert.Throws<ArgumentException>(() => new FsrsParameters([1.0, 2.0]));
        var weights = FsrsParameters.Default.Weights.ToArray();
        weights[7] = 0.9; // mean reversion above 0.75
        weights[20] = double.NaN;
        var problems = FsrsParameters.Validate(weights);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("w7", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new FsrsParameters(weights));
        Assert.Empty(FsrsParameters.Validate(FsrsParameters.Default.Weights));
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(0.98)]
    [InlineData(double.NaN)]
    public void Desired_retention_outside_range_is_rejected(double retention) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FsrsScheduler(desiredRetention: retention));

    [Fact]
    public void First_rating_sets_initial_state_and_logs_it()
    {
        var card = ReviewCard.New("c1", T0);
        var (next, log) = _scheduler.Review(card, Rating.Easy, T0);

        Assert.Equal(CardState.Review, next.State);
        Assert.Equal(8.2956, next.Stability, 10);
        // D0(4) = w4 - e^(3 w5) + 1, clamped to >= 1.
        Assert.Equal(Math.Max(1, 6.4133 - Math.Exp(3 * 0.8334) + 1), next.Difficulty, 10);
        Assert.Equal(T0, next.LastReview);
        Assert.Equal(1, next.Reps);
        Assert.Equal(0, next.Lapses);
        Assert.Equal(T0.AddDays(_scheduler.IntervalDays(next.Stability)), next.Due);

        Assert.Equal("c1", log.CardId);
        Assert.Equal(Rating.Easy, log.Rating);
        Assert.Equal(0, log.ElapsedDays);
        Assert.Equal(CardState.New, log.Before.State);
        Assert.Equal(next.Snapshot(), log.After);
        Assert.False(log.IsCram);
    }

    [Fact]
    public void Again_on_a_review_card_counts_a_lapse_and_shrinks_stability()
    {
        var card = Reviewed(20, 5, T0, 20);
        var (next, log) = _scheduler.Review(card, Rating.Again, T0.AddDays(20));
        Assert.Equal(1, next.Lapses);
        Assert.True(next.Stability < card.Stability);
        Assert.True(next.Difficulty > card.Difficulty);
        Assert.Equal(20, log.ElapsedDays);
        Assert.Equal(20, log.Before.Stability);
    }

    [Fact]
    public void Retrievability_is_zero_for_new_cards_and_point_nine_after_stability_days()
    {
        Assert.Equal(0, _scheduler.Retrievability(ReviewCard.New("c1", T0), T0));
        var card = Reviewed(10, 5, T0, 10);
        Assert.Equal(1.0, _scheduler.Retrievability(card, T0.AddHours(23)), 12);
        Assert.Equal(0.9, _scheduler.Retrievability(card, T0.AddDays(10)), 12);
        Assert.True(_scheduler.Retrievability(card, T0.AddDays(30)) < 0.9);
    }

    [Fact]
    public void Same_day_review_uses_short_term_stability()
    {
        var card = Reviewed(10, 5, T0, 10);
        var at = T0.AddHours(5);
        var (good, _) = _scheduler.Review(card, Rating.Good, at);
        var (again, _) = _scheduler.Review(card, Rating.Again, at);
        var w = FsrsParameters.Default.Weights;
        // S' = S * max(1, e^(w17 (G - 3 + w18)) * S^-w19) for Good.
        var expectedGood = 10 * Math.Max(1, Math.Exp(w[17] * w[18]) * Math.Pow(10, -w[19]));
        Assert.Equal(expectedGood, good.Stability, 9);
        Assert.Equal(10 * Math.Exp(w[17] * (-2 + w[18])) * Math.Pow(10, -w[19]), again.Stability, 9);
    }

    [Fact]
    public void Preview_matches_what_each_rating_would_schedule()
    {
        var card = Reviewed(12, 4, T0, 12);
        var at = T0.AddDays(13);
        var preview = _scheduler.PreviewIntervals(card, at);
        foreach (var rating in Enum.GetValues<Rating>())
        {
            var (next, _) = _scheduler.Review(card, rating, at);
            Assert.Equal((next.Due - at).TotalDays, preview.Days(rating));
        }

        Assert.True(preview.Again < preview.Hard && preview.Hard < preview.Good && preview.Good < preview.Easy);
    }

    [Fact]
    public void Preview_of_a_new_card_uses_the_initial_stabilities()
    {
        var preview = _scheduler.PreviewIntervals(ReviewCard.New("c1", T0), T0);
        var w = FsrsParameters.Default.Weights;
        Assert.Equal(
            [_scheduler.IntervalDays(w[0]), _scheduler.IntervalDays(w[1]), _scheduler.IntervalDays(w[2]), _scheduler.IntervalDays(w[3])],
            new[] { preview.Again, preview.Hard, preview.Good, preview.Easy });
        Assert.True(preview.Easy > preview.Good);
    }

    [Fact]
    public void Interval_is_at_least_a_day_and_at_most_the_maximum()
    {
        var scheduler = new FsrsScheduler(maximumInterval: 30);
        Assert.Equal(1, scheduler.IntervalDays(0.01));
        Assert.Equal(30, scheduler.IntervalDays(5000));
        var (next, _) = scheduler.Review(Reviewed(500, 2, T0, 30), Rating.Easy, T0.AddDays(30));
        Assert.Equal(T0.AddDays(60), next.Due);
    }

    [Fact]
    public void Higher_retention_gives_shorter_intervals() =>
        Assert.True(new FsrsScheduler(desiredRetention: 0.95).IntervalDays(50) < new FsrsScheduler(desiredRetention: 0.85).IntervalDays(50));

    [Fact]
    public void Interval_cap_keeps_the_next_due_before_the_cap()
    {
        var cap = T0.AddDays(40);
        var scheduler = new FsrsScheduler(intervalCap: cap);
        var card = Reviewed(100, 3, T0, 100);
        var at = T0.AddDays(3);
        var (next, _) = scheduler.Review(card, Rating.Good, at);
        Assert.True(next.Due < cap);
        Assert.Equal(at.AddDays(36), next.Due);
        // A short interval is not lengthened by the cap.
        var (again, _) = scheduler.Review(card, Rating.Again, at);
        Assert.Equal(at.AddDays(new FsrsScheduler().IntervalDays(again.Stability)), again.Due);
    }

    [Fact]
    public void Fuzz_is_off_by_default_and_stays_near_the_interval_when_on()
    {
        Assert.False(new FsrsScheduler().Fuzzes);
        var card = Reviewed(30, 5, T0, 30);
        var at = T0.AddDays(30);
        var plain = new FsrsScheduler().Review(card, Rating.Good, at).Next.Due;
        var seen = new HashSet<DateTimeOffset>();
        var fuzzy = new FsrsScheduler(fuzz: new Random(42));
        for (var i = 0; i < 50; i++)
        {
            var due = fuzzy.Review(card, Rating.Good, at).Next.Due;
            Assert.InRange((due - plain).TotalDays, -6, 6);
            seen.Add(due);
        }

        Assert.True(seen.Count > 1);
    }

    [Fact]
    public void Cram_log_records_the_rating_without_changing_memory()
    {
        var card = Reviewed(10, 5, T0, 10);
        var log = ReviewLog.ForCram(card, Rating.Again, T0.AddDays(2));
        Assert.True(log.IsCram);
        Assert.Equal(Rating.Again, log.Rating);
        Assert.Equal(2, log.ElapsedDays);
        Assert.Equal(card.Snapshot(), log.Before);
        Assert.Equal(log.Before, log.After);
    }

    [Fact]
    public void Invalid_rating_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _scheduler.Review(ReviewCard.New("c1", T0), (Rating)5, T0));
}
