namespace BackendPrep.Core.Storage;

/// <summary>Which topics a user has marked learned, and when.</summary>
public interface ITopicProgressStore
{
    Task<IReadOnlyDictionary<string, DateTimeOffset>> LearnedAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Marks a topic learned; returns false when it already was (a double click changes nothing).</summary>
    Task<bool> MarkLearnedAsync(string userId, string topicId, DateTimeOffset at, CancellationToken cancellationToken);
}
