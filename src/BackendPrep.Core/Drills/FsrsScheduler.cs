namespace BackendPrep.Core.Drills;

/// <summary>
/// FSRS-6 scheduling with no learning or relearning steps: every rating moves the card straight to its next
/// whole-day interval. Conforms to the py-fsrs reference (same rounding, clamping and whole-day elapsed time), so
/// the shared vectors reproduce exactly. Pure: the caller supplies the time of each review.
/// </summary>
public sealed class FsrsScheduler
{
    public const double MinDesiredRetention = 0.75;
    public const double MaxDesiredRetention = 0.97;
    public const double DefaultDesiredRetention = 0.9;
    public const int DefaultMaximumInterval = 36500;

    private const double MinStability = 0.001;
    private const double MinDifficulty = 1.0;
    private const double MaxDifficulty = 10.0;

    private readonly Random? _fuzz;

    /// <param name="parameters">Model weights; <see cref="FsrsParameters.Default"/> when null.</param>
    /// <param name="desiredRetention">Target recall probability at the due time, 0.75–0.97.</param>
    /// <param name="maximumInterval">Longest interval in days.</param>
    /// <param name="intervalCap">When set, intervals are shortened so the next due falls before this instant
    /// (interview mode). Never below one day, so a review less than a day before the cap may still land after it.</param>
    /// <param name="fuzz">Source of interval fuzz; null (the default) schedules deterministically.</param>
    public FsrsScheduler(
        FsrsParameters? parameters = null,
        double desiredRetention = DefaultDesiredRetention,
        int maximumInterval = DefaultMaximumInterval,
        DateTimeOffset? intervalCap = null,
        Random? fuzz = null)
    {
        if (double.IsNaN(desiredRetention) || desiredRetention < MinDesiredRetention || desiredRetention > MaxDesiredRetention)
        {
            throw new ArgumentOutOfRangeException(nameof(desiredRetention), desiredRetention,
                $"desired retention must be between {MinDesiredRetention} and {MaxDesiredRetention}");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maximumInterval, 1);
        Parameters = parameters ?? FsrsParameters.Default;
        DesiredRetention = desiredRetention;
        MaximumInterval = maximumInterval;
        IntervalCap = intervalCap?.ToUniversalTime();
        _fuzz = fuzz;
    }

    public FsrsParameters Parameters { get; }
    public double DesiredRetention { get; }
    public int MaximumInterval { get; }
    public DateTimeOffset? IntervalCap { get; }
    public bool Fuzzes => _fuzz is not null;

    /// <summary>The same weights, maximum interval and fuzz with another retention and interval cap.</summary>
    public FsrsScheduler With(double desiredRetention, DateTimeOffset? intervalCap) =>
        new(Parameters, desiredRetention, MaximumInterval, intervalCap, _fuzz);

    /// <summary>Rates <paramref name="card"/> at <paramref name="at"/>: the card's next memory state and the log entry.</summary>
    public (ReviewCard Next, ReviewLog Log) Review(ReviewCard card, Rating rating, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(card);
        var next = Step(card, rating, at.ToUniversalTime(), _fuzz);
        var elapsed = card.LastReview is { } last ? Math.Max(0, WholeDaysBetween(last, at)) : 0;
        var log = new ReviewLog(card.CardId, at.ToUniversalTime(), rating, elapsed, card.Snapshot(), next.Snapshot());
        return (next, log);
    }

    /// <summary>
    /// Probability of recall at <paramref name="at"/>; 0 for a card never reviewed. Elapsed time counts in whole days,
    /// as in the reference, so a card stays at full strength for 24 hours after a review.
    /// </summary>
    public double Retrievability(ReviewCard card, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.LastReview is not { } last || card.Stability <= 0)
        {
            return 0;
        }

        var elapsed = Math.Max(0, WholeDaysBetween(last, at));
        return Math.Pow(1 + (Parameters.Factor * elapsed / card.Stability), Parameters.Decay);
    }

    /// <summary>The interval each rating would give now, without fuzz: "Good — back in 4 days".</summary>
    public IntervalPreview PreviewIntervals(ReviewCard card, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(card);
        var utc = at.ToUniversalTime();
        int Days(Rating r) => (int)Math.Round((Step(card, r, utc, fuzz: null).Due - utc).TotalDays);
        return new IntervalPreview(Days(Rating.Again), Days(Rating.Hard), Days(Rating.Good), Days(Rating.Easy));
    }

    /// <summary>The unfuzzed, uncapped interval in days for a card of this stability.</summary>
    public int IntervalDays(double stability)
    {
        var days = stability / Parameters.Factor * (Math.Pow(DesiredRetention, 1 / Parameters.Decay) - 1);
        // Round half to even, like Python's round(); then at least a day and at most the maximum.
        var rounded = Math.Round(days, MidpointRounding.ToEven);
        return (int)Math.Min(Math.Max(rounded, 1), MaximumInterval);
    }

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/>, floored (negative when earlier).</summary>
    internal static int WholeDaysBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var ticks = to.UtcTicks - from.UtcTicks;
        var days = ticks / TimeSpan.TicksPerDay;
        // Integer division truncates towards zero; the reference floors.
        return (int)(ticks < 0 && ticks % TimeSpan.TicksPerDay != 0 ? days - 1 : days);
    }

    private ReviewCard Step(ReviewCard card, Rating rating, DateTimeOffset at, Random? fuzz)
    {
        if (!Enum.IsDefined(rating))
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "rating must be 1..4");
        }

        double stability;
        double difficulty;
        if (card.State == CardState.New)
        {
            stability = InitialStability(rating);
            difficulty = ClampDifficulty(InitialDifficulty(rating));
        }
        else
        {
            var sameDay = card.LastReview is { } last && WholeDaysBetween(last, at) < 1;
            stability = sameDay
                ? ShortTermStability(card.Stability, rating)
                : NextStability(card.Difficulty, card.Stability, Retrievability(card, at), rating);
            difficulty = NextDifficulty(card.Difficulty, rating);
        }

        var days = CapToInterview(Fuzz(IntervalDays(stability), fuzz), at);
        var lapses = card.State == CardState.Review && rating == Rating.Again ? card.Lapses + 1 : card.Lapses;
        return card with
        {
            State = CardState.Review,
            Stability = stability,
            Difficulty = difficulty,
            Due = at.AddDays(days),
            LastReview = at,
            Reps = card.Reps + 1,
            Lapses = lapses,
        };
    }

    private double W(int i) => Parameters[i];

    // The reference raises e to a power rather than calling exp; keep that so intervals round identically.
    private static double ExpE(double x) => Math.Pow(Math.E, x);

    private double InitialStability(Rating rating) => Math.Max(W((int)rating - 1), MinStability);

    private double InitialDifficulty(Rating rating) => W(4) - ExpE(W(5) * ((int)rating - 1)) + 1;

    private static double ClampDifficulty(double d) => Math.Min(Math.Max(d, MinDifficulty), MaxDifficulty);

    private double NextDifficulty(double difficulty, Rating rating)
    {
        var delta = -(W(6) * ((int)rating - 3));
        var damped = difficulty + ((10.0 - difficulty) * delta / 9.0);
        // Mean reversion towards the initial difficulty of an Easy first rating, unclamped.
        var reverted = (W(7) * InitialDifficulty(Rating.Easy)) + ((1 - W(7)) * damped);
        return ClampDifficulty(reverted);
    }

    private double ShortTermStability(double stability, Rating rating)
    {
        var increase = ExpE(W(17) * ((int)rating - 3 + W(18))) * Math.Pow(stability, -W(19));
        if (rating is Rating.Good or Rating.Easy)
        {
            increase = Math.Max(increase, 1.0);
        }

        return Math.Max(stability * increase, MinStability);
    }

    private double NextStability(double difficulty, double stability, double retrievability, Rating rating)
    {
        var next = rating == Rating.Again
            ? ForgetStability(difficulty, stability, retrievability)
            : RecallStability(difficulty, stability, retrievability, rating);
        return Math.Max(next, MinStability);
    }

    private double ForgetStability(double difficulty, double stability, double retrievability)
    {
        var longTerm = W(11)
            * Math.Pow(difficulty, -W(12))
            * (Math.Pow(stability + 1, W(13)) - 1)
            * ExpE((1 - retrievability) * W(14));
        var shortTerm = stability / ExpE(W(17) * W(18));
        return Math.Min(longTerm, shortTerm);
    }

    private double RecallStability(double difficulty, double stability, double retrievability, Rating rating)
    {
        var hardPenalty = rating == Rating.Hard ? W(15) : 1;
        var easyBonus = rating == Rating.Easy ? W(16) : 1;
        return stability * (1
            + (ExpE(W(8))
                * (11 - difficulty)
                * Math.Pow(stability, -W(9))
                * (ExpE((1 - retrievability) * W(10)) - 1)
                * hardPenalty
                * easyBonus));
    }

    private int CapToInterview(int days, DateTimeOffset at) =>
        IntervalCap is { } cap && DaysBefore(cap, at) is { } latest ? Math.Min(days, latest) : days;

    /// <summary>The most whole days after <paramref name="at"/> that still land strictly before <paramref name="cap"/>;
    /// null when not even one day fits.</summary>
    internal static int? DaysBefore(DateTimeOffset cap, DateTimeOffset at)
    {
        if (cap <= at)
        {
            return null;
        }

        var latest = (cap.UtcTicks - at.UtcTicks - 1) / TimeSpan.TicksPerDay;
        return latest >= 1 ? (int)Math.Min(latest, int.MaxValue) : null;
    }

    private int Fuzz(int days, Random? fuzz)
    {
        if (fuzz is null || days < 3)
        {
            return days;
        }

        // Spread grows with the interval: ±15% of days 2.5–7, ±10% of 7–20, ±5% beyond, plus a day.
        var delta = 1.0
            + (0.15 * Math.Max(Math.Min(days, 7.0) - 2.5, 0))
            + (0.10 * Math.Max(Math.Min(days, 20.0) - 7.0, 0))
            + (0.05 * Math.Max(days - 20.0, 0));
        var max = (int)Math.Min(Math.Round(days + delta, MidpointRounding.ToEven), MaximumInterval);
        var min = (int)Math.Min(Math.Max(2, Math.Round(days - delta, MidpointRounding.ToEven)), max);
        return Math.Min(fuzz.Next(min, max + 1), MaximumInterval);
    }
}

/// <summary>Days until the card comes back for each possible rating.</summary>
public sealed record IntervalPreview(int Again, int Hard, int Good, int Easy)
{
    public int Days(Rating rating) => rating switch
    {
        Rating.Again => Again,
        Rating.Hard => Hard,
        Rating.Good => Good,
        Rating.Easy => Easy,
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, "rating must be 1..4"),
    };
}
