using BackendPrep.Core.Storage;
using LiteDB;

namespace BackendPrep.Storage;

internal sealed class TopicProgressDocument
{
    /// <summary>"user/topic", so marking twice hits the same document instead of counting twice.</summary>
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public string TopicId { get; set; } = "";
    public DateTime LearnedAtUtc { get; set; }
}

public sealed class TopicProgressStore(LiteDbStore store) : ITopicProgressStore
{
    private ILiteCollection<TopicProgressDocument> Collection => store.Database.GetCollection<TopicProgressDocument>(Collections.TopicProgress);

    public Task<IReadOnlyDictionary<string, DateTimeOffset>> LearnedAsync(string userId, CancellationToken cancellationToken)
    {
        // A range scan of the primary key ("userId/…"): no second index for every insert to update.
        var prefix = userId + "/";
        IReadOnlyDictionary<string, DateTimeOffset> learned = Collection.Find(ParameterizedQuery.IdLike(prefix))
            .Where(d => d.Id.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(d => d.TopicId, d => new DateTimeOffset(DateTime.SpecifyKind(d.LearnedAtUtc, DateTimeKind.Utc)));
        return Task.FromResult(learned);
    }

    public Task<bool> MarkLearnedAsync(string userId, string topicId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var document = new TopicProgressDocument { Id = $"{userId}/{topicId}", UserId = userId, TopicId = topicId, LearnedAtUtc = at.UtcDateTime };
        // Insert fails on an existing id, which is exactly "already learned": no read-modify-write race.
        try
        {
            Collection.Insert(document);
            return Task.FromResult(true);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return Task.FromResult(false);
        }
    }
}
