using BackendPrep.Core.Progress;
using BackendPrep.Core.Prompts;
using static BackendPrep.Core.Tests.Progress.ProgressFixtures;

namespace BackendPrep.Core.Tests.Progress;

public sealed class WeeklyDigestTests
{
    private static DigestMember Member(string id, IEnumerable<PromptAttempt> attempts, int reviewsPerDay = 0) =>
        new(new LeaderboardEntrant(id, $"name-{id}", TimeZoneInfo.Utc,
            [.. Enumerable.Range(0, reviewsPerDay).Select(i => new ReviewMark(Now.AddHours(-i), $"c{i}", false))], []), [.. attempts]);

    [Fact]
    public void The_digest_totals_the_week_names_the_most_improved_and_the_most_missed_item()
    {
        var p = Prompt("p", "a", "x", "y", "z", "w");
        var content = Content([Topic("a", 1)], [p]);
        var climber = Member("1", [Attempt(p, Now.AddDays(-10), "x"), Attempt(p, Now.AddDays(-1), "x", "y", "z")], reviewsPerDay: 10);
        var steady = Member("2", [Attempt(p, Now.AddDays(-10), "x", "y"), Attempt(p, Now.AddDays(-2), "x", "y", "w")]);
        var idle = Member("3", [Attempt(p, Now.AddDays(-20), "x")]);

        var digest = WeeklyDigest.Build(content, [idle, steady, climber], new Leaderboard(), Now);

        Assert.Equal(2, digest.ActiveMembers);
        Assert.Equal(10, digest.Reviews);
        Assert.Equal(2, digest.Attempts);
        Assert.Equal(0.75, digest.AverageCoverage!.Value, 6);
        Assert.Equal("1", digest.MostImproved?.UserId);
        Assert.Equal(0.25, digest.MostImproved!.Before, 6);
        Assert.Equal("w", digest.MostMissed?.ItemId);
    }

    [Fact]
    public void A_quiet_week_has_no_winner_and_no_item()
    {
        var digest = WeeklyDigest.Build(Content([Topic("a", 1)], []), [Member("1", [])], new Leaderboard(), Now);

        Assert.Equal(0, digest.ActiveMembers);
        Assert.Null(digest.MostImproved);
        Assert.Null(digest.MostMissed);
        Assert.Null(digest.AverageCoverage);
    }
}
