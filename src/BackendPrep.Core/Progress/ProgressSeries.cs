using BackendPrep.Core.Drills;
using BackendPrep.Core.Prompts;

namespace BackendPrep.Core.Progress;

/// <summary>One local day of the chart: reviews done and the average coverage of prompts answered that day (null if none).</summary>
public sealed record DailyPoint(DateOnly Day, int Reviews, double? Coverage);

/// <summary>The per-day series the progress chart draws, on the user's calendar.</summary>
public static class ProgressSeries
{
    public const int Days = 30;

    /// <summary>The last <paramref name="days"/> local days ending today, oldest first; days without activity are kept (zero).</summary>
    public static IReadOnlyList<DailyPoint> Daily(IEnumerable<ReviewMoment> reviews, IEnumerable<PromptAttempt> attempts, TimeZoneInfo zone, DateTimeOffset now, int days = Days)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var today = DrillQueue.LocalDate(now, zone);
        var first = today.AddDays(1 - days);
        var reviewsPerDay = reviews
            .Select(r => DrillQueue.LocalDate(r.At, zone))
            .Where(d => d >= first && d <= today)
            .GroupBy(d => d)
            .ToDictionary(g => g.Key, g => g.Count());
        var coveragePerDay = attempts
            .Where(a => a.Result.Items.Count > 0)
            .GroupBy(a => DrillQueue.LocalDate(a.StartedAt, zone))
            .Where(g => g.Key >= first && g.Key <= today)
            .ToDictionary(g => g.Key, g => g.Average(a => a.Score));
        return [.. Enumerable.Range(0, days)
            .Select(i => first.AddDays(i))
            .Select(d => new DailyPoint(d, reviewsPerDay.GetValueOrDefault(d), coveragePerDay.TryGetValue(d, out var c) ? c : null))];
    }
}
