using BackendPrep.Core.Prompts;
using BackendPrep.Core.Storage;
using LiteDB;

namespace BackendPrep.Storage;

internal sealed class GroupRoundDocument
{
    public string Id { get; set; } = "";
    public string PromptId { get; set; } = "";
    public string StarterId { get; set; } = "";
    public string StarterName { get; set; } = "";
    public string GuildId { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string MessageId { get; set; } = "";
    public DateTime StartedAtUtc { get; set; }
    public DateTime? RevealedAtUtc { get; set; }
}

public sealed class GroupRoundStore : IPromptRoundStore
{
    private const string Name = "prompt_rounds";
    private readonly LiteDbStore _store;

    /// <summary>Maps the document type once before any thread queries it (see <see cref="AttemptStore"/>).</summary>
    static GroupRoundStore() => BsonMapper.Global.ToDocument(new GroupRoundDocument());

    public GroupRoundStore(LiteDbStore store)
    {
        _store = store;
        Collection.EnsureIndex(d => d.ChannelId);
    }

    private ILiteCollection<GroupRoundDocument> Collection => _store.Database.GetCollection<GroupRoundDocument>(Name);

    public Task AddAsync(GroupRound round, CancellationToken cancellationToken)
    {
        Collection.Insert(new GroupRoundDocument
        {
            Id = round.Id,
            PromptId = round.PromptId,
            StarterId = round.StarterId,
            StarterName = round.StarterName,
            GuildId = round.GuildId,
            ChannelId = round.ChannelId,
            MessageId = round.MessageId,
            StartedAtUtc = round.StartedAt.UtcDateTime,
            RevealedAtUtc = round.RevealedAt?.UtcDateTime,
        });
        return Task.CompletedTask;
    }

    public Task<GroupRound?> GetAsync(string roundId, CancellationToken cancellationToken) =>
        Task.FromResult(Collection.FindById(roundId) is { } d ? FromDocument(d) : null);

    public Task<bool> MarkRevealedAsync(string roundId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Conditional: only the transition "not revealed" → "revealed" counts, so two presses reveal once.
        var revealedAt = at.UtcDateTime;
        var updated = Collection.UpdateMany(
            d => new GroupRoundDocument
            {
                Id = d.Id,
                PromptId = d.PromptId,
                StarterId = d.StarterId,
                StarterName = d.StarterName,
                GuildId = d.GuildId,
                ChannelId = d.ChannelId,
                MessageId = d.MessageId,
                StartedAtUtc = d.StartedAtUtc,
                RevealedAtUtc = revealedAt,
            },
            d => d.Id == roundId && d.RevealedAtUtc == null);
        return Task.FromResult(updated == 1);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static GroupRound FromDocument(GroupRoundDocument d) =>
        new(d.Id, d.PromptId, d.StarterId, d.StarterName, d.GuildId, d.ChannelId, d.MessageId, Utc(d.StartedAtUtc))
        {
            RevealedAt = d.RevealedAtUtc is { } r ? Utc(r) : null,
        };
}
