using BackendPrep.Core.Study;

namespace BackendPrep.Core.Drills;

/// <summary>Why a card is in a drill: due for review, introduced for the first time, or crammed.</summary>
public enum DrillKind
{
    Review,
    New,
    Cram,
}

/// <summary>One card to show, with the user's memory of it (a fresh <see cref="CardState.New"/> card if unseen).</summary>
public sealed record DrillItem(Flashcard Card, ReviewCard Memory, DrillKind Kind);

/// <summary>Orders what a user drills next. Pure: the caller passes the deck, the user's memory states and the time.</summary>
public static class DrillQueue
{
    public const int DefaultDailyNewLimit = 10;

    /// <summary>
    /// Due reviews first, weakest (lowest retrievability) first; then unseen cards in content order, up to what is
    /// left of the daily new-card limit. Memory states for cards no longer in <paramref name="deck"/> are ignored.
    /// </summary>
    /// <param name="newStartedToday">New cards the user already started on their local today
    /// (see <see cref="NewCardsStartedToday"/>).</param>
    public static IReadOnlyList<DrillItem> Build(
        FsrsScheduler scheduler,
        IReadOnlyList<Flashcard> deck,
        IEnumerable<ReviewCard> memories,
        DateTimeOffset now,
        int newStartedToday,
        int dailyNewLimit = DefaultDailyNewLimit)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(deck);
        ArgumentOutOfRangeException.ThrowIfNegative(newStartedToday);
        ArgumentOutOfRangeException.ThrowIfNegative(dailyNewLimit);
        var known = Index(memories);

        var due = deck
            .Select((card, order) => (card, order, memory: known.GetValueOrDefault(card.Id)))
            .Where(x => x.memory is not null && x.memory.IsDue(now))
            .OrderBy(x => scheduler.Retrievability(x.memory!, now))
            .ThenBy(x => x.memory!.Due)
            .ThenBy(x => x.order)
            .Select(x => new DrillItem(x.card, x.memory!, DrillKind.Review));

        var room = Math.Max(0, dailyNewLimit - newStartedToday);
        var fresh = deck
            .Where(card => known.GetValueOrDefault(card.Id) is null or { State: CardState.New })
            .Take(room)
            .Select(card => new DrillItem(card, known.GetValueOrDefault(card.Id) ?? ReviewCard.New(card.Id, now), DrillKind.New));

        return [.. due, .. fresh];
    }

    /// <summary>
    /// Every card of one topic regardless of due dates, weakest first: unseen cards count as retrievability 0, ties
    /// keep content order. Cram ratings must go through <see cref="ReviewLog.ForCram"/>: they are logged but never
    /// change the schedule, so cramming the night before does not push cards months out.
    /// </summary>
    public static IReadOnlyList<DrillItem> Cram(
        FsrsScheduler scheduler,
        IReadOnlyList<Flashcard> deck,
        IEnumerable<ReviewCard> memories,
        string topicId,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(deck);
        ArgumentException.ThrowIfNullOrEmpty(topicId);
        var known = Index(memories);
        return
        [
            .. deck
                .Where(card => string.Equals(card.TopicId, topicId, StringComparison.Ordinal))
                .Select((card, order) => (card, order, memory: known.GetValueOrDefault(card.Id) ?? ReviewCard.New(card.Id, now)))
                .OrderBy(x => scheduler.Retrievability(x.memory, now))
                .ThenBy(x => x.order)
                .Select(x => new DrillItem(x.card, x.memory, DrillKind.Cram)),
        ];
    }

    /// <summary>How many cards had their first (non-cram) rating on the user's local calendar day of <paramref name="now"/>.</summary>
    public static int NewCardsStartedToday(IEnumerable<ReviewLog> logs, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(zone);
        var today = LocalDate(now, zone);
        return logs
            .Where(l => !l.IsCram && l.Before.State == CardState.New && LocalDate(l.At, zone) == today)
            .Select(l => l.CardId)
            .Distinct(StringComparer.Ordinal)
            .Count();
    }

    internal static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    private static Dictionary<string, ReviewCard> Index(IEnumerable<ReviewCard> memories)
    {
        ArgumentNullException.ThrowIfNull(memories);
        var known = new Dictionary<string, ReviewCard>(StringComparer.Ordinal);
        foreach (var memory in memories)
        {
            known[memory.CardId] = memory;
        }

        return known;
    }
}
