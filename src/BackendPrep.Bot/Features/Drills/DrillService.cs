using BackendPrep.Core.Drills;
using BackendPrep.Core.Storage;
using BackendPrep.Core.Study;

namespace BackendPrep.Bot.Features.Drills;

/// <summary>How a card was reached: the daily queue of a deck, or a cram through one topic that leaves the schedule alone.</summary>
internal enum DrillMode
{
    Queue,
    Cram,
}

/// <summary>The next card to show, with the counts shown under it.</summary>
internal sealed record DrillStep(DrillItem? Item, int Due, int NewLeft, DrillMode Mode);

/// <summary>What recording a rating did: whether it counted, and when the card comes back.</summary>
internal sealed record RatingOutcome(bool Recorded, ReviewCard? Card, StreakSummary Streak);

/// <summary>The drill use cases on top of the stores: build the queue, record a rating once, cram without scheduling.</summary>
internal sealed class DrillService(StudyContent content, IReviewStore reviews, IDrillSettingsStore settings, TimeProvider time)
{
    public StreakRules Streaks { get; } = new();

    public Task<DrillSettings> SettingsAsync(string userId, CancellationToken ct) => settings.GetAsync(userId, ct);

    public Task SaveSettingsAsync(DrillSettings value, CancellationToken ct) => settings.SaveAsync(value, ct);

    public IReadOnlyList<Flashcard> Deck(Deck deck) => [.. content.Deck(deck)];

    public async Task<DrillStep> NextAsync(string userId, Deck deck, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var user = await settings.GetAsync(userId, ct);
        var scheduler = user.Scheduler(now);
        var memories = await MemoriesAsync(user, now, ct);
        var started = DrillQueue.NewCardsStartedToday(await reviews.LogsAsync(userId, ct), now, user.Zone());
        var queue = DrillQueue.Build(scheduler, Deck(deck), memories, now, started, user.NewPerDay);
        var due = queue.Count(i => i.Kind == DrillKind.Review);
        return new DrillStep(queue.Count > 0 ? queue[0] : null, due, queue.Count - due, DrillMode.Queue);
    }

    /// <summary>The cram list of a topic (every deck), in a fixed order while the schedule is unchanged; <paramref name="after"/> continues it.</summary>
    public async Task<DrillStep> CramAsync(string userId, string topicId, string? after, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var user = await settings.GetAsync(userId, ct);
        var cards = content.Cards.Where(c => c.TopicId == topicId).ToList();
        var list = DrillQueue.Cram(user.Scheduler(now), cards, await reviews.CardsAsync(userId, ct), topicId, now);
        var start = after is null ? 0 : list.ToList().FindIndex(i => i.Card.Id == after) + 1;
        var rest = list.Skip(start).ToList();
        return new DrillStep(rest.Count > 0 ? rest[0] : null, rest.Count, 0, DrillMode.Cram);
    }

    public async Task<ReviewCard> MemoryAsync(string userId, string cardId, CancellationToken ct) =>
        await reviews.CardAsync(userId, cardId, ct) ?? ReviewCard.New(cardId, time.GetUtcNow());

    public async Task<IntervalPreview> PreviewAsync(string userId, ReviewCard memory, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return (await settings.GetAsync(userId, ct)).Scheduler(now).PreviewIntervals(memory, now);
    }

    /// <summary>Records a rating for the card as it was when the button was drawn (<paramref name="reps"/>); a repeat press records nothing.</summary>
    public async Task<RatingOutcome> RateAsync(string userId, string cardId, int reps, Rating rating, DrillMode mode, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var user = await settings.GetAsync(userId, ct);
        var memory = await MemoryAsync(userId, cardId, ct);
        if (memory.Reps != reps)
        {
            return new RatingOutcome(false, memory, await StreakAsync(user, now, ct));
        }

        if (mode == DrillMode.Cram)
        {
            await reviews.AppendAsync(userId, ReviewLog.ForCram(memory, rating, now), ct);
            return new RatingOutcome(true, memory, await StreakAsync(user, now, ct));
        }

        var (next, log) = user.Scheduler(now).Review(memory, rating, now);
        var recorded = await reviews.TryRecordAsync(userId, next, reps, log, ct);
        return new RatingOutcome(recorded, recorded ? next : memory, await StreakAsync(user, now, ct));
    }

    public async Task<StreakSummary> StreakAsync(DrillSettings user, DateTimeOffset now, CancellationToken ct) =>
        Streaks.Compute((await reviews.MomentsAsync(user.UserId, ct)).Select(m => m.At), user.Zone(), now);

    private async Task<IReadOnlyList<ReviewCard>> MemoriesAsync(DrillSettings user, DateTimeOffset now, CancellationToken ct)
    {
        var stored = await reviews.CardsAsync(user.UserId, ct);
        if (user.InterviewDate is not { } date)
        {
            return stored;
        }

        // Interview mode pulls cards due after the interview in, so each is seen at least once before it.
        var mode = new InterviewDateMode(date, user.Zone(), Math.Max(user.Retention, InterviewDateMode.DefaultRetention));
        var usual = new FsrsScheduler(desiredRetention: user.Retention);
        return [.. stored.Select(m => mode.PullIn(m, usual, now))];
    }
}
