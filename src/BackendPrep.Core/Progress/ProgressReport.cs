using BackendPrep.Core.Drills;
using BackendPrep.Core.Prompts;
using BackendPrep.Core.Sessions;
using BackendPrep.Core.Study;

namespace BackendPrep.Core.Progress;

/// <summary>Everything <see cref="ProgressReport.Build"/> reads about one user, as the stores return it.</summary>
public sealed record ProgressInput(
    IReadOnlyDictionary<string, DateTimeOffset> Learned,
    IReadOnlyList<PromptAttempt> Attempts,
    IReadOnlyList<ReviewMoment> Reviews,
    IReadOnlyList<ReviewCard> Cards,
    IReadOnlyList<StudySession> Sessions,
    TimeZoneInfo Zone);

public sealed record TopicCoverage(string TopicId, string Title, int Attempts, double AverageCoverage);

/// <summary>A rubric item of one prompt the user keeps missing: missed in <see cref="Missed"/> of <see cref="Graded"/> attempts.</summary>
public sealed record MissedItem(string PromptId, string ItemId, string Label, string PromptTitle, int Missed, int Graded, DateTimeOffset LastMissed)
{
    public double MissRate => Graded == 0 ? 0 : (double)Missed / Graded;
}

public sealed record DrillFigures(
    int ReviewsLast7Days,
    int ReviewsLast30Days,
    double? TrueRetention,
    int RetentionSample,
    int DueToday,
    int DueTomorrow,
    StreakSummary Streak);

/// <summary>One user's progress at one moment, ready to show.</summary>
public sealed record ProgressSummary(
    IReadOnlyList<Topic> LearnedInPlanOrder,
    Topic? NextTopic,
    int TopicCount,
    int PromptsAttempted,
    int DistinctPrompts,
    double? AverageCoverage,
    IReadOnlyList<TopicCoverage> CoverageByTopic,
    IReadOnlyList<MissedItem> MostMissed,
    DrillFigures Drills,
    int SessionsDone);

/// <summary>
/// Builds a user's progress from raw records. Days are the user's local calendar days: "last 7 days" is today and the
/// six before it, and a card "due today" includes overdue ones.
/// </summary>
public static class ProgressReport
{
    public const int MostMissedShown = 5;

    public static ProgressSummary Build(StudyContent content, ProgressInput input, DateTimeOffset now, StreakRules? streaks = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(input);
        var learned = content.Topics.Where(t => input.Learned.ContainsKey(t.Id)).ToList();
        var next = content.Topics.FirstOrDefault(t => !input.Learned.ContainsKey(t.Id));
        var attempts = input.Attempts.Where(a => a.Result.Items.Count > 0).ToList();
        return new ProgressSummary(
            learned,
            next,
            content.Topics.Count,
            input.Attempts.Count,
            input.Attempts.Select(a => a.PromptId).Distinct(StringComparer.Ordinal).Count(),
            attempts.Count == 0 ? null : attempts.Average(a => a.Score),
            CoverageByTopic(content, attempts),
            MostMissed(content, attempts, MostMissedShown),
            Drills(input, now, streaks ?? new StreakRules()),
            input.Sessions.Count(s => s.State == SessionState.Finished));
    }

    /// <summary>Average coverage per topic, in study-plan order; topics no longer in the content come last by id.</summary>
    public static IReadOnlyList<TopicCoverage> CoverageByTopic(StudyContent content, IEnumerable<PromptAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(content);
        return [.. attempts
            .GroupBy(a => a.TopicId, StringComparer.Ordinal)
            .Select(g => (Topic: content.Topic(g.Key), Group: g))
            .OrderBy(x => x.Topic?.Order ?? int.MaxValue)
            .ThenBy(x => x.Group.Key, StringComparer.Ordinal)
            .Select(x => new TopicCoverage(x.Group.Key, x.Topic?.Title ?? x.Group.Key, x.Group.Count(), x.Group.Average(a => a.Score)))];
    }

    /// <summary>
    /// Rubric items missed most often: by misses, then miss rate, then the most recent miss, then ids, so the list is
    /// stable. Items of prompts no longer in the content are skipped (there is nothing to practise).
    /// </summary>
    public static IReadOnlyList<MissedItem> MostMissed(StudyContent content, IEnumerable<PromptAttempt> attempts, int count)
    {
        ArgumentNullException.ThrowIfNull(content);
        var tally = new Dictionary<(string Prompt, string Item), (int Missed, int Graded, DateTimeOffset Last)>();
        foreach (var attempt in attempts)
        {
            foreach (var item in attempt.Result.Items)
            {
                var key = (attempt.PromptId, item.ItemId);
                var (missed, graded, last) = tally.GetValueOrDefault(key);
                tally[key] = item.Covered
                    ? (missed, graded + 1, last)
                    : (missed + 1, graded + 1, attempt.UpdatedAt > last ? attempt.UpdatedAt : last);
            }
        }

        return [.. tally
            .Where(t => t.Value.Missed > 0)
            .Select(t => (Entry: t, Prompt: content.Prompt(t.Key.Prompt)))
            .Where(x => x.Prompt?.Rubric.Item(x.Entry.Key.Item) is not null)
            .Select(x => new MissedItem(x.Entry.Key.Prompt, x.Entry.Key.Item, x.Prompt!.Rubric.Item(x.Entry.Key.Item)!.Label, x.Prompt.Title,
                x.Entry.Value.Missed, x.Entry.Value.Graded, x.Entry.Value.Last))
            .OrderByDescending(m => m.Missed)
            .ThenByDescending(m => m.MissRate)
            .ThenByDescending(m => m.LastMissed)
            .ThenBy(m => m.PromptId, StringComparer.Ordinal)
            .ThenBy(m => m.ItemId, StringComparer.Ordinal)
            .Take(count)];
    }

    public static DrillFigures Drills(ProgressInput input, DateTimeOffset now, StreakRules streaks)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(streaks);
        var zone = input.Zone;
        var today = DrillQueue.LocalDate(now, zone);
        var perDay = LocalDays.Count(input.Reviews.Select(r => r.At), zone);
        var last7 = perDay.Where(p => p.Key > today.AddDays(-7) && p.Key <= today).Sum(p => p.Value);
        var last30 = perDay.Where(p => p.Key > today.AddDays(-30) && p.Key <= today).Sum(p => p.Value);
        var (retention, sample) = TrueRetention(input.Reviews, now.AddDays(-30), now);
        var dueToday = input.Cards.Count(c => c.State == CardState.Review && DrillQueue.LocalDate(c.Due, zone) <= today);
        var dueTomorrow = input.Cards.Count(c => c.State == CardState.Review && DrillQueue.LocalDate(c.Due, zone) == today.AddDays(1));
        var streak = streaks.Compute(perDay, today);
        return new DrillFigures(last7, last30, retention, sample, dueToday, dueTomorrow, streak);
    }

    /// <summary>
    /// Share of reviews in (<paramref name="from"/>, <paramref name="to"/>] not rated Again. Counts only real recalls
    /// (<see cref="ReviewMoment.IsRecall"/>): a card's first rating (it was new) and cram ratings (off schedule) say nothing about retention.
    /// </summary>
    public static (double? Retention, int Sample) TrueRetention(IEnumerable<ReviewMoment> reviews, DateTimeOffset from, DateTimeOffset to)
    {
        var counted = reviews.Where(r => r.IsRecall && r.At > from && r.At <= to).ToList();
        return counted.Count == 0 ? (null, 0) : ((double)counted.Count(r => r.Passed) / counted.Count, counted.Count);
    }
}
