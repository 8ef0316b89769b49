using BackendPrep.Core.Grading;
using BackendPrep.Core.Prompts;
using BackendPrep.Core.Storage;
using LiteDB;

namespace BackendPrep.Storage;

internal sealed class AttemptDocument
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public string PromptId { get; set; } = "";
    public string TopicId { get; set; } = "";
    public string? RoundId { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }

    /// <summary>Stored alongside the items so reports can sort and filter without re-deriving it.</summary>
    public double Score { get; set; }

    public List<AttemptAnswerDocument> Answers { get; set; } = [];
    public List<AttemptItemDocument> Items { get; set; } = [];
}

internal sealed class AttemptAnswerDocument
{
    public AnswerKind Kind { get; set; }
    public string Text { get; set; } = "";
    public DateTime AtUtc { get; set; }
    public List<string> GradedItems { get; set; } = [];
}

internal sealed class AttemptItemDocument
{
    public string ItemId { get; set; } = "";
    public bool Covered { get; set; }
    public string? Evidence { get; set; }
}

internal sealed class PromptShownDocument
{
    /// <summary>"user/prompt": showing a prompt again overwrites the same document.</summary>
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public string PromptId { get; set; } = "";
    public DateTime ShownAtUtc { get; set; }
}

public sealed class AttemptStore : IAttemptStore
{
    private const string Name = "prompt_attempts";
    private const string ShownName = "prompt_shown";
    private readonly LiteDbStore _store;

    /// <summary>
    /// LiteDB's shared mapper publishes a type's mapping before filling it in, so two threads mapping a type for the
    /// first time can see it half-built. Mapping once here, under the runtime's static-constructor lock, closes that.
    /// </summary>
    static AttemptStore()
    {
        BsonMapper.Global.ToDocument(new AttemptDocument { Answers = [new()], Items = [new()] });
        BsonMapper.Global.ToDocument(new PromptShownDocument());
    }

    public AttemptStore(LiteDbStore store)
    {
        _store = store;
        Collection.EnsureIndex(d => d.UserId);
        Collection.EnsureIndex(d => d.RoundId);
        Shown.EnsureIndex(d => d.UserId);
    }

    private ILiteCollection<AttemptDocument> Collection => _store.Database.GetCollection<AttemptDocument>(Name);

    private ILiteCollection<PromptShownDocument> Shown => _store.Database.GetCollection<PromptShownDocument>(ShownName);

    public Task<bool> TryAddAsync(PromptAttempt attempt, CancellationToken cancellationToken)
    {
        // Insert fails on an existing id: a form submitted twice (retry, double click) is stored once.
        try
        {
            Collection.Insert(ToDocument(attempt));
            return Task.FromResult(true);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return Task.FromResult(false);
        }
    }

    public Task<PromptAttempt?> GetAsync(string attemptId, CancellationToken cancellationToken) =>
        Task.FromResult(Collection.FindById(attemptId) is { } d ? FromDocument(d) : null);

    public Task<bool> TryReplaceAsync(PromptAttempt updated, int expectedVersion, CancellationToken cancellationToken)
    {
        // One engine-side update whose predicate checks the version: a compare-and-swap, so of two concurrent
        // follow-up submissions built on the same version exactly one applies.
        // LiteDB extends the stored document with the transform's fields; identity fields never change.
        var document = _store.Database.Mapper.ToDocument(ToDocument(updated));
        var changed = Collection.UpdateMany(
            BsonExpression.Create(
                "{ UpdatedAtUtc: @0, Version: @1, Score: @2, Answers: @3, Items: @4 }",
                document["UpdatedAtUtc"], document["Version"], document["Score"], document["Answers"], document["Items"]),
            BsonExpression.Create("_id = @0 AND Version = @1", new BsonValue(updated.Id), new BsonValue(expectedVersion)));
        return Task.FromResult(changed == 1);
    }

    public Task<IReadOnlyList<PromptAttempt>> ForUserAsync(string userId, CancellationToken cancellationToken)
    {
        IReadOnlyList<PromptAttempt> attempts = [.. Collection.Find(d => d.UserId == userId).OrderBy(d => d.StartedAtUtc).ThenBy(d => d.Id, StringComparer.Ordinal).Select(FromDocument)];
        return Task.FromResult(attempts);
    }

    public Task<IReadOnlyList<PromptAttempt>> ForRoundAsync(string roundId, CancellationToken cancellationToken)
    {
        IReadOnlyList<PromptAttempt> attempts = [.. Collection.Find(d => d.RoundId == roundId).OrderBy(d => d.StartedAtUtc).ThenBy(d => d.Id, StringComparer.Ordinal).Select(FromDocument)];
        return Task.FromResult(attempts);
    }

    public Task MarkShownAsync(string userId, string promptId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Shown.Upsert(new PromptShownDocument { Id = $"{userId}/{promptId}", UserId = userId, PromptId = promptId, ShownAtUtc = at.UtcDateTime });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, DateTimeOffset>> ShownAsync(string userId, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, DateTimeOffset> shown = Shown.Find(d => d.UserId == userId).ToDictionary(d => d.PromptId, d => Utc(d.ShownAtUtc));
        return Task.FromResult(shown);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static AttemptDocument ToDocument(PromptAttempt a) => new()
    {
        Id = a.Id,
        UserId = a.UserId,
        PromptId = a.PromptId,
        TopicId = a.TopicId,
        RoundId = a.RoundId,
        StartedAtUtc = a.StartedAt.UtcDateTime,
        UpdatedAtUtc = a.UpdatedAt.UtcDateTime,
        Version = a.Version,
        Score = a.Score,
        Answers = [.. a.Answers.Select(x => new AttemptAnswerDocument { Kind = x.Kind, Text = x.Text, AtUtc = x.At.UtcDateTime, GradedItems = [.. x.GradedItems] })],
        Items = [.. a.Result.Items.Select(i => new AttemptItemDocument { ItemId = i.ItemId, Covered = i.Covered, Evidence = i.Evidence })],
    };

    private static PromptAttempt FromDocument(AttemptDocument d) =>
        new(d.Id, d.UserId, d.PromptId, d.TopicId, Utc(d.StartedAtUtc),
            [.. d.Answers.Select(x => new AttemptAnswer(x.Kind, x.Text, Utc(x.AtUtc), x.GradedItems))],
            new GradeResult(d.PromptId, [.. d.Items.Select(i => new ItemGrade(i.ItemId, i.Covered, i.Evidence))]))
        {
            RoundId = d.RoundId,
            UpdatedAt = Utc(d.UpdatedAtUtc),
            Version = d.Version,
        };
}
