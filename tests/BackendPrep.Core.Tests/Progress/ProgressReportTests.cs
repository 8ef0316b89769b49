using BackendPrep.Core.Drills;
using BackendPrep.Core.Progress;
using BackendPrep.Core.Sessions;
using static BackendPrep.Core.Tests.Progress.ProgressFixtures;

namespace BackendPrep.Core.Tests.Progress;

public sealed class ProgressReportTests
{
    private static readonly BackendPrep.Core.Study.Topic A = Topic("a", 1), B = Topic("b", 2), C = Topic("c", 3);

    private static ProgressInput Input(
        IReadOnlyDictionary<string, DateTimeOffset>? learned = null,
        IReadOnlyList<BackendPrep.Core.Prompts.PromptAttempt>? attempts = null,
        IReadOnlyList<ReviewLog>? reviews = null,
        IReadOnlyList<ReviewCard>? cards = null,
        IReadOnlyList<StudySession>? sessions = null,
        TimeZoneInfo? zone = null) =>
        new(learned ?? new Dictionary<string, DateTimeOffset>(), attempts ?? [], [.. (reviews ?? []).Select(ReviewMoment.Of)], cards ?? [], sessions ?? [], zone ?? TimeZoneInfo.Utc);

    [Fact]
    public void Topics_learned_come_in_plan_order_with_the_first_unlearned_as_next()
    {
        var content = Content([C, A, B], []);
        var learned = new Dictionary<string, DateTimeOffset> { ["c"] = Now, ["a"] = Now.AddDays(-1), ["gone"] = Now };

        var summary = ProgressReport.Build(content, Input(learned), Now);

        Assert.Equal(["a", "c"], summary.LearnedInPlanOrder.Select(t => t.Id));
        Assert.Equal("b", summary.NextTopic?.Id);
        Assert.Equal(3, summary.TopicCount);
    }

    [Fact]
    public void Coverage_is_averaged_overall_and_per_topic_in_plan_order()
    {
        var p1 = Prompt("p1", "b", "x", "y");
        var p2 = Prompt("p2", "a", "x", "y", "z", "w");
        var content = Content([A, B], [p1, p2]);
        var attempts = new[] { Attempt(p1, Now, "x"), Attempt(p1, Now.AddMinutes(1), "x", "y"), Attempt(p2, Now, "x") };

        var summary = ProgressReport.Build(content, Input(attempts: attempts), Now);

        Assert.Equal(3, summary.PromptsAttempted);
        Assert.Equal(2, summary.DistinctPrompts);
        Assert.Equal((0.5 + 1 + 0.25) / 3, summary.AverageCoverage!.Value, 6);
        Assert.Equal(["a", "b"], summary.CoverageByTopic.Select(t => t.TopicId));
        Assert.Equal(0.75, summary.CoverageByTopic[1].AverageCoverage, 6);
        Assert.Equal(2, summary.CoverageByTopic[1].Attempts);
    }

    [Fact]
    public void Most_missed_items_rank_by_misses_then_rate_then_recency_and_stop_at_five()
    {
        var p = Prompt("p", "a", "i1", "i2", "i3", "i4", "i5", "i6", "i7");
        var q = Prompt("q", "a", "i1");
        var content = Content([A], [p, q]);
        var attempts = new[]
        {
            Attempt(p, Now.AddDays(-3), "i3", "i4", "i5", "i6", "i7"),
            Attempt(p, Now.AddDays(-2), "i2", "i4", "i5", "i6", "i7"),
            Attempt(p, Now.AddDays(-1), "i3", "i5", "i6"),
            Attempt(q, Now.AddDays(-4)),
            Attempt(q, Now.AddDays(-3)),
        };

        var missed = ProgressReport.Build(content, Input(attempts: attempts), Now).MostMissed;

        // p/i1 missed 3 of 3; q/i1 and p/i2 twice (q's rate is higher); then single misses, the latest first (i4, i7 before i3).
        Assert.Equal(["p/i1", "q/i1", "p/i2", "p/i4", "p/i7"], missed.Select(m => $"{m.PromptId}/{m.ItemId}"));
        Assert.Equal(3, missed[0].Missed);
        Assert.Equal("Label i1", missed[0].Label);
        Assert.Equal(ProgressReport.MostMissedShown, missed.Count);
    }

    [Fact]
    public void Drill_figures_count_local_days_retention_due_cards_and_the_streak_in_the_users_zone()
    {
        // 12:00 UTC is 02:00 on the 29th in Pacific/Kiritimati (UTC+14): "today" there is the 29th.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati");
        var reviews = new List<ReviewLog>();
        for (var day = 0; day < 3; day++)
        {
            reviews.AddRange(Enumerable.Range(0, 5).Select(i => Review(Now.AddDays(-day).AddMinutes(-i), i == 0 ? Rating.Again : Rating.Good)));
        }

        reviews.Add(Review(Now.AddDays(-20), Rating.Again));
        reviews.Add(Review(Now.AddDays(-1), Rating.Again, cram: true));
        reviews.Add(Review(Now.AddDays(-1), Rating.Again, first: true));
        var cards = new[] { Card("overdue", Now.AddDays(-2)), Card("today", Now.AddHours(5)), Card("tomorrow", Now.AddHours(40)), Card("later", Now.AddDays(3)) };

        var drills = ProgressReport.Build(Content([A], []), Input(reviews: reviews, cards: cards, zone: zone), Now).Drills;

        Assert.Equal(17, drills.ReviewsLast7Days);
        Assert.Equal(18, drills.ReviewsLast30Days);
        Assert.Equal(16, drills.RetentionSample);
        Assert.Equal(12.0 / 16, drills.TrueRetention!.Value, 6);
        Assert.Equal(2, drills.DueToday);
        Assert.Equal(1, drills.DueTomorrow);
        Assert.Equal(3, drills.Streak.Current);
    }

    [Fact]
    public void Nothing_recorded_gives_empty_figures_not_errors()
    {
        var summary = ProgressReport.Build(Content([A], []), Input(sessions: [new StudySession("s", "u", "a", Now, Now, null, null) { State = SessionState.Finished }]), Now);

        Assert.Null(summary.AverageCoverage);
        Assert.Null(summary.Drills.TrueRetention);
        Assert.Empty(summary.MostMissed);
        Assert.Equal(1, summary.SessionsDone);
        Assert.Equal(0, summary.Drills.Streak.Current);
    }

    [Fact]
    public void The_daily_series_spans_thirty_local_days_with_gaps_as_zero_and_coverage_only_where_answered()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        var p = Prompt("p", "a", "x", "y");
        // 05:00 UTC on the 28th is the evening of the 27th in Los Angeles.
        var early = new DateTimeOffset(2026, 11, 28, 5, 0, 0, TimeSpan.Zero);
        var reviews = new[] { Review(early), Review(early), Review(Now), Review(Now.AddDays(-40)) };

        var days = ProgressSeries.Daily(reviews.Select(ReviewMoment.Of), [Attempt(p, Now, "x")], zone, Now);

        Assert.Equal(30, days.Count);
        Assert.Equal(new DateOnly(2026, 11, 28), days[^1].Day);
        Assert.Equal(new DateOnly(2026, 10, 30), days[0].Day);
        Assert.Equal(2, days[^2].Reviews);
        Assert.Equal(1, days[^1].Reviews);
        Assert.Equal(0.5, days[^1].Coverage);
        Assert.Null(days[^2].Coverage);
        Assert.Equal(3, days.Sum(d => d.Reviews));
    }
}
