using BackendPrep.Core.Progress;
using static BackendPrep.Core.Tests.Progress.ProgressFixtures;

namespace BackendPrep.Core.Tests.Progress;

public sealed class LeaderboardTests
{
    private static LeaderboardEntrant Entrant(string id, IEnumerable<ReviewMark>? reviews = null, IEnumerable<(DateTimeOffset, double)>? attempts = null) =>
        new(id, $"name-{id}", TimeZoneInfo.Utc, [.. reviews ?? []], [.. attempts ?? []]);

    private static IEnumerable<ReviewMark> Daily(int days, int perDay, string prefix = "c") =>
        Enumerable.Range(0, days).SelectMany(d => Enumerable.Range(0, perDay).Select(i => new ReviewMark(Now.AddDays(-d).AddMinutes(-i), $"{prefix}{i}", false)));

    [Fact]
    public void Farming_one_day_of_easy_clicks_is_capped_and_repeats_and_cram_do_not_count()
    {
        var farmer = Entrant("1", [
            .. Enumerable.Range(0, 500).Select(i => new ReviewMark(Now.AddMinutes(-i), $"c{i}", false)),
            .. Enumerable.Range(0, 100).Select(i => new ReviewMark(Now.AddMinutes(-i), "c0", false)),
            .. Enumerable.Range(0, 100).Select(i => new ReviewMark(Now.AddMinutes(-i), $"x{i}", true))]);
        var steady = Entrant("2", Daily(7, 20));
        var board = new Leaderboard(dailyReviewCap: 50);

        var rows = board.Rank([farmer, steady], LeaderboardMetric.Reviews, LeaderboardPeriod.Week, Now);

        Assert.Equal(["2", "1"], rows.Select(r => r.UserId));
        Assert.Equal([140.0, 50.0], rows.Select(r => r.Value));
    }

    [Fact]
    public void Ties_break_on_the_second_figure_then_the_user_id_whatever_the_input_order()
    {
        var a = Entrant("30", Daily(3, 5));
        var b = Entrant("20", Daily(3, 5));
        var c = Entrant("10", [.. Daily(1, 5), .. Daily(1, 10, "d")]);
        var board = new Leaderboard();

        var one = board.Rank([a, b, c], LeaderboardMetric.Reviews, LeaderboardPeriod.Week, Now);
        var other = board.Rank([c, b, a], LeaderboardMetric.Reviews, LeaderboardPeriod.Week, Now);

        // All have 15 counted reviews; 20 and 30 have a 3-day streak, 10 only 1.
        Assert.Equal(["20", "30", "10"], one.Select(r => r.UserId));
        Assert.Equal(one, other);
        Assert.Equal([1, 2, 3], one.Select(r => r.Rank));
    }

    [Fact]
    public void Periods_limit_what_counts_and_all_time_streak_is_the_best_one()
    {
        var old = Entrant("1", [.. Daily(10, 5).Select(r => r with { At = r.At.AddDays(-20) })]);
        var recent = Entrant("2", Daily(2, 5));
        var board = new Leaderboard();

        Assert.Equal(["2"], board.Rank([old, recent], LeaderboardMetric.Reviews, LeaderboardPeriod.Week, Now).Select(r => r.UserId));
        Assert.Equal(["1", "2"], board.Rank([old, recent], LeaderboardMetric.Reviews, LeaderboardPeriod.Month, Now).Select(r => r.UserId));
        Assert.Equal(["2"], board.Rank([old, recent], LeaderboardMetric.Streak, LeaderboardPeriod.Week, Now).Select(r => r.UserId));
        var allTime = board.Rank([old, recent], LeaderboardMetric.Streak, LeaderboardPeriod.All, Now);
        Assert.Equal(["1", "2"], allTime.Select(r => r.UserId));
        Assert.Equal(10, allTime[0].Value);
    }

    [Fact]
    public void Coverage_ranks_by_average_score_in_the_period_and_skips_members_without_answers()
    {
        var good = Entrant("1", attempts: [(Now, 0.9), (Now.AddDays(-1), 0.7)]);
        var better = Entrant("2", attempts: [(Now, 1.0), (Now.AddDays(-40), 0.0)]);
        var none = Entrant("3", Daily(3, 5));

        var rows = new Leaderboard().Rank([good, better, none], LeaderboardMetric.Coverage, LeaderboardPeriod.Month, Now);

        Assert.Equal(["2", "1"], rows.Select(r => r.UserId));
        Assert.Equal(0.8, rows[1].Value, 6);
    }
}
