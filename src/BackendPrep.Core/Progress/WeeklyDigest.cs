using BackendPrep.Core.Prompts;
using BackendPrep.Core.Study;

namespace BackendPrep.Core.Progress;

/// <summary>An opted-in member's week, as the digest reads it.</summary>
public sealed record DigestMember(LeaderboardEntrant Activity, IReadOnlyList<PromptAttempt> Attempts);

public sealed record MostImproved(string UserId, string Name, double Before, double After);

/// <summary>The group's week: totals, the member whose coverage rose most, and the rubric item the group missed most.</summary>
public sealed record WeeklyDigestSummary(int ActiveMembers, int Reviews, int Attempts, double? AverageCoverage, MostImproved? MostImproved, MissedItem? MostMissed);

/// <summary>
/// Builds the weekly digest from opted-in members only (it names people). The week is the seven days before
/// <c>now</c>; "improved" compares a member's average coverage with the seven days before that, and needs answers in both.
/// </summary>
public static class WeeklyDigest
{
    public static WeeklyDigestSummary Build(StudyContent content, IReadOnlyList<DigestMember> members, Leaderboard leaderboard, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(leaderboard);
        var weekStart = now.AddDays(-7);
        var thisWeek = members.SelectMany(m => m.Attempts.Where(a => a.StartedAt > weekStart && a.StartedAt <= now && a.Result.Items.Count > 0)).ToList();
        var reviews = members.Sum(m => leaderboard.CountedReviews(m.Activity, LeaderboardPeriod.Week, now));
        var active = members.Count(m => leaderboard.CountedReviews(m.Activity, LeaderboardPeriod.Week, now) > 0
            || m.Attempts.Any(a => a.StartedAt > weekStart && a.StartedAt <= now));
        var improved = members
            .Select(m => (m.Activity, Before: Average(m.Attempts, now.AddDays(-14), weekStart), After: Average(m.Attempts, weekStart, now)))
            .Where(x => x.Before is not null && x.After is not null && x.After > x.Before)
            .OrderByDescending(x => x.After!.Value - x.Before!.Value)
            .ThenBy(x => x.Activity.UserId, StringComparer.Ordinal)
            .Select(x => new MostImproved(x.Activity.UserId, x.Activity.Name, x.Before!.Value, x.After!.Value))
            .FirstOrDefault();
        return new WeeklyDigestSummary(
            active,
            reviews,
            thisWeek.Count,
            thisWeek.Count == 0 ? null : thisWeek.Average(a => a.Score),
            improved,
            ProgressReport.MostMissed(content, thisWeek, 1) is [var top, ..] ? top : null);
    }

    private static double? Average(IEnumerable<PromptAttempt> attempts, DateTimeOffset from, DateTimeOffset to)
    {
        var scores = attempts.Where(a => a.StartedAt > from && a.StartedAt <= to && a.Result.Items.Count > 0).Select(a => a.Score).ToList();
        return scores.Count == 0 ? null : scores.Average();
    }
}
