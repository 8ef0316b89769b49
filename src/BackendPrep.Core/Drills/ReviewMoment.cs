namespace BackendPrep.Core.Drills;

/// <summary>
/// A review reduced to what progress, streaks and reminders read: when it happened and, for true retention, whether it
/// was a real recall (not cram, and the card was already in review) and whether it passed (not rated Again).
/// </summary>
public readonly record struct ReviewMoment(DateTimeOffset At, bool IsRecall, bool Passed)
{
    public static ReviewMoment Of(ReviewLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return new ReviewMoment(log.At, !log.IsCram && log.Before.State == CardState.Review, log.Rating != Rating.Again);
    }
}
