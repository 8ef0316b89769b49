using BackendPrep.Core.Drills;
using BackendPrep.Core.Storage;
using LiteDB;

namespace BackendPrep.Storage;

internal sealed class ReviewCardDocument
{
    /// <summary>"userId|cardId": one memory state per user and card.</summary>
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public string CardId { get; set; } = "";
    public CardState State { get; set; }
    public double Stability { get; set; }
    public double Difficulty { get; set; }
    public DateTime DueUtc { get; set; }
    public DateTime? LastReviewUtc { get; set; }
    public int Reps { get; set; }
    public int Lapses { get; set; }
}

internal sealed class ReviewLogDocument
{
    public ObjectId Id { get; set; } = ObjectId.Empty;
    public string UserId { get; set; } = "";
    public string CardId { get; set; } = "";
    public DateTime AtUtc { get; set; }
    public int Rating { get; set; }
    public int ElapsedDays { get; set; }
    public bool IsCram { get; set; }
    public CardState BeforeState { get; set; }
    public double BeforeStability { get; set; }
    public double BeforeDifficulty { get; set; }
    public DateTime BeforeDueUtc { get; set; }
    public CardState AfterState { get; set; }
    public double AfterStability { get; set; }
    public double AfterDifficulty { get; set; }
    public DateTime AfterDueUtc { get; set; }
}

public sealed class ReviewStore : IReviewStore
{
    private const string CardsName = Collections.ReviewCards;
    private const string LogsName = Collections.ReviewLogs;

    /// <summary>
    /// Serialises the read-modify-write of a day's digest. LiteDB locks a collection for writing only when the write
    /// comes, after the read; one writer at a time costs nothing here, as LiteDB already serialises writes per collection.
    /// Static, so stores opened twice over one file (tests, the crash writer) still share it.
    /// </summary>
    private static readonly Lock DayWrites = new();

    private readonly LiteDbStore _store;

    public ReviewStore(LiteDbStore store)
    {
        _store = store;
        Cards.EnsureIndex(d => d.UserId);
        Cards.EnsureIndex(d => d.DueUtc);
        Logs.EnsureIndex(d => d.UserId);
    }

    private ILiteCollection<ReviewCardDocument> Cards => _store.Database.GetCollection<ReviewCardDocument>(CardsName);

    private ILiteCollection<ReviewLogDocument> Logs => _store.Database.GetCollection<ReviewLogDocument>(LogsName);

    private ILiteCollection<ReviewDayDocument> Days => _store.Database.GetCollection<ReviewDayDocument>(Collections.ReviewDays);

    public Task<IReadOnlyList<ReviewCard>> CardsAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReviewCard>>([.. Cards.Find(d => d.UserId == userId).Select(FromDocument)]);

    public Task<ReviewCard?> CardAsync(string userId, string cardId, CancellationToken cancellationToken) =>
        Task.FromResult(Cards.FindById(Key(userId, cardId)) is { } d ? FromDocument(d) : null);

    public Task<bool> TryRecordAsync(string userId, ReviewCard next, int expectedReps, ReviewLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(log);
        var document = ToDocument(userId, next);
        return Task.FromResult(Write(() => Stored(document, expectedReps) && Logged(userId, log)));
    }

    /// <summary>The card: inserted on a first review, otherwise updated only if it still has the expected rep count.</summary>
    private bool Stored(ReviewCardDocument document, int expectedReps)
    {
        bool stored;
        if (expectedReps == 0)
        {
            // First review: the primary key makes a second concurrent insert fail.
            try
            {
                Cards.Insert(document);
                stored = true;
            }
            catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
            {
                stored = false;
            }
        }
        else
        {
            // A conditional update in one LiteDB write: only the press that still sees the old rep count wins.
            var id = document.Id;
            stored = Cards.UpdateMany(
                d => new ReviewCardDocument
                {
                    Id = d.Id,
                    UserId = d.UserId,
                    CardId = d.CardId,
                    State = document.State,
                    Stability = document.Stability,
                    Difficulty = document.Difficulty,
                    DueUtc = document.DueUtc,
                    LastReviewUtc = document.LastReviewUtc,
                    Reps = document.Reps,
                    Lapses = document.Lapses,
                },
                d => d.Id == id && d.Reps == expectedReps) == 1;
        }

        return stored;
    }

    public Task AppendAsync(string userId, ReviewLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        Write(() => Logged(userId, log));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ReviewMoment>> MomentsAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(ReviewDays.Read(_store.Database.GetCollection(Collections.ReviewDays), userId));

    private bool Logged(string userId, ReviewLog log)
    {
        Logs.Insert(ToDocument(userId, log));
        ReviewDays.Append(Days, userId, log);
        return true;
    }

    /// <summary>
    /// Card, log and day digest in one LiteDB transaction, so a crash leaves all or none of them. Inside a transaction
    /// the caller already holds (bulk seeding), the writes join it. A failed write rolls LiteDB's transaction back
    /// itself; a declined conditional update (false) is rolled back here so nothing half-written is committed.
    /// </summary>
    private bool Write(Func<bool> writes)
    {
        var db = _store.Database;
        lock (DayWrites)
        {
            var own = db.BeginTrans();
            bool done;
            try
            {
                done = writes();
            }
            catch
            {
                if (own)
                {
                    db.Rollback();
                }

                throw;
            }

            if (own)
            {
                _ = done ? db.Commit() : db.Rollback();
            }

            return done;
        }
    }

    /// <summary>
    /// Read as raw BSON and converted by hand: for a user with thousands of reviews, the mapper's reflective conversion
    /// was about half the cost of this read, which /progress, every /drill rating and the reminders make.
    /// </summary>
    public Task<IReadOnlyList<ReviewLog>> LogsAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReviewLog>>([.. _store.Database.GetCollection(LogsName)
            .Find(ParameterizedQuery.FieldEquals(nameof(ReviewLogDocument.UserId), userId))
            .Where(d => d[nameof(ReviewLogDocument.UserId)] == userId).Select(ReadLog).OrderBy(l => l.At)]);

    private static string Key(string userId, string cardId) => $"{userId}|{cardId}";

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static ReviewCardDocument ToDocument(string userId, ReviewCard c) => new()
    {
        Id = Key(userId, c.CardId),
        UserId = userId,
        CardId = c.CardId,
        State = c.State,
        Stability = c.Stability,
        Difficulty = c.Difficulty,
        DueUtc = c.Due.UtcDateTime,
        LastReviewUtc = c.LastReview?.UtcDateTime,
        Reps = c.Reps,
        Lapses = c.Lapses,
    };

    private static ReviewCard FromDocument(ReviewCardDocument d) =>
        new(d.CardId, d.State, d.Stability, d.Difficulty, Utc(d.DueUtc), d.LastReviewUtc is { } l ? Utc(l) : null, d.Reps, d.Lapses);

    private static ReviewLogDocument ToDocument(string userId, ReviewLog l) => new()
    {
        UserId = userId,
        CardId = l.CardId,
        AtUtc = l.At.UtcDateTime,
        Rating = (int)l.Rating,
        ElapsedDays = l.ElapsedDays,
        IsCram = l.IsCram,
        BeforeState = l.Before.State,
        BeforeStability = l.Before.Stability,
        BeforeDifficulty = l.Before.Difficulty,
        BeforeDueUtc = l.Before.Due.UtcDateTime,
        AfterState = l.After.State,
        AfterStability = l.After.Stability,
        AfterDifficulty = l.After.Difficulty,
        AfterDueUtc = l.After.Due.UtcDateTime,
    };

    internal static ReviewLog ReadLog(BsonDocument d) => new(
        d[nameof(ReviewLogDocument.CardId)].AsString,
        Utc(d[nameof(ReviewLogDocument.AtUtc)]),
        (Rating)d[nameof(ReviewLogDocument.Rating)].AsInt32,
        d[nameof(ReviewLogDocument.ElapsedDays)].AsInt32,
        new MemorySnapshot(State(d[nameof(ReviewLogDocument.BeforeState)]), d[nameof(ReviewLogDocument.BeforeStability)].AsDouble,
            d[nameof(ReviewLogDocument.BeforeDifficulty)].AsDouble, Utc(d[nameof(ReviewLogDocument.BeforeDueUtc)])),
        new MemorySnapshot(State(d[nameof(ReviewLogDocument.AfterState)]), d[nameof(ReviewLogDocument.AfterStability)].AsDouble,
            d[nameof(ReviewLogDocument.AfterDifficulty)].AsDouble, Utc(d[nameof(ReviewLogDocument.AfterDueUtc)])),
        d[nameof(ReviewLogDocument.IsCram)].AsBoolean);

    /// <summary>The mapper stores enums by name; a number is accepted too.</summary>
    private static CardState State(BsonValue value) => value.IsString ? Enum.Parse<CardState>(value.AsString) : (CardState)value.AsInt32;

    /// <summary>As the mapper's reading would give it, in UTC: the engine hands dates back in local time.</summary>
    private static DateTimeOffset Utc(BsonValue value) =>
        value.AsDateTime.Kind == DateTimeKind.Local ? new DateTimeOffset(value.AsDateTime.ToUniversalTime()) : Utc(value.AsDateTime);
}
