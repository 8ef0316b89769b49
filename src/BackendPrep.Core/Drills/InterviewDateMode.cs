namespace BackendPrep.Core.Drills;

/// <summary>
/// Scheduling for a user with an interview on a known date: retention goes up to at least the requested level and
/// every interval is cut so the card comes back before the interview day starts (in the user's time zone), so each
/// card the user has seen is seen again before the interview. Once the interview day begins the usual schedule applies.
/// </summary>
public sealed class InterviewDateMode
{
    public const double DefaultRetention = 0.95;

    public InterviewDateMode(DateOnly interviewDate, TimeZoneInfo zone, double requestedRetention = DefaultRetention)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (double.IsNaN(requestedRetention)
            || requestedRetention < FsrsScheduler.MinDesiredRetention
            || requestedRetention > FsrsScheduler.MaxDesiredRetention)
        {
            throw new ArgumentOutOfRangeException(nameof(requestedRetention), requestedRetention,
                $"retention must be between {FsrsScheduler.MinDesiredRetention} and {FsrsScheduler.MaxDesiredRetention}");
        }

        InterviewDate = interviewDate;
        Zone = zone;
        RequestedRetention = requestedRetention;
        InterviewStart = StartOfDay(interviewDate, zone);
    }

    public DateOnly InterviewDate { get; }
    public TimeZoneInfo Zone { get; }
    public double RequestedRetention { get; }

    /// <summary>Local midnight of the interview date, as an instant (UTC).</summary>
    public DateTimeOffset InterviewStart { get; }

    public bool IsActive(DateTimeOffset now) => now < InterviewStart;

    /// <summary>Never lowers the user's own retention; never above the scheduler's maximum.</summary>
    public double EffectiveRetention(double usualRetention) =>
        Math.Min(Math.Max(usualRetention, RequestedRetention), FsrsScheduler.MaxDesiredRetention);

    /// <summary>The scheduler to use at <paramref name="now"/>: raised retention and capped intervals until the interview.</summary>
    public FsrsScheduler Scheduler(FsrsScheduler usual, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(usual);
        return IsActive(now) ? usual.With(EffectiveRetention(usual.DesiredRetention), InterviewStart) : usual;
    }

    /// <summary>
    /// Brings forward a card scheduled on or after the interview, as if its last review had used interview settings;
    /// the result may be due already. Memory state is untouched. A card reviewed less than a day before the
    /// interview, a new card, or any card once the interview has started is returned as it is.
    /// </summary>
    public ReviewCard PullIn(ReviewCard card, FsrsScheduler usual, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(usual);
        if (!IsActive(now) || card.State != CardState.Review || card.Due < InterviewStart)
        {
            return card;
        }

        var from = card.LastReview ?? now;
        if (FsrsScheduler.DaysBefore(InterviewStart, from) is not { } latest)
        {
            return card;
        }

        var days = Math.Min(Scheduler(usual, now).IntervalDays(card.Stability), latest);
        return card with { Due = from.ToUniversalTime().AddDays(days) };
    }

    private static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A few zones skip midnight when clocks go forward; the day then starts at the first valid local time.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        // Where midnight happens twice, the day starts at the first one (the larger offset).
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
