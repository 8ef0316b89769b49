using BackendPrep.Core.Progress;
using BackendPrep.Core.Storage;
using LiteDB;

namespace BackendPrep.Storage;

internal sealed class PrivacyDocument
{
    /// <summary>The user id: one document per user.</summary>
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public bool OnLeaderboard { get; set; }
    public int Public { get; set; } = (int)PublicFields.Default;
}

public sealed class PrivacyStore : IPrivacyStore
{
    private const string Name = "privacy";
    private readonly LiteDbStore _store;

    /// <summary>Maps the document type once before any thread queries it (see <see cref="AttemptStore"/>).</summary>
    static PrivacyStore() => BsonMapper.Global.ToDocument(new PrivacyDocument());

    public PrivacyStore(LiteDbStore store)
    {
        _store = store;
        Collection.EnsureIndex(d => d.OnLeaderboard);
    }

    private ILiteCollection<PrivacyDocument> Collection => _store.Database.GetCollection<PrivacyDocument>(Name);

    public Task<PrivacySettings> GetAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(Collection.FindById(userId) is { } d ? FromDocument(d) : PrivacySettings.Default(userId));

    public Task<PrivacySettings> SetLeaderboardAsync(string userId, bool on, CancellationToken cancellationToken) =>
        Task.FromResult(Set(userId, "{ OnLeaderboard: @0 }", on));

    public Task<PrivacySettings> SetPublicAsync(string userId, PublicFields fields, CancellationToken cancellationToken) =>
        Task.FromResult(Set(userId, "{ Public: @0 }", (int)(fields & PublicFields.All)));

    public Task<IReadOnlySet<string>> OnLeaderboardAsync(IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var wanted = userIds.ToHashSet(StringComparer.Ordinal);
        IReadOnlySet<string> opted = Collection.Find(d => d.OnLeaderboard).Select(d => d.UserId).Where(wanted.Contains).ToHashSet(StringComparer.Ordinal);
        return Task.FromResult(opted);
    }

    /// <summary>
    /// Creates the document if missing, then changes one field in a single engine-side update, so two settings changed
    /// at the same moment (two devices) both stick: neither write carries a stale copy of the other field.
    /// </summary>
    private PrivacySettings Set(string userId, string transform, BsonValue value)
    {
        try
        {
            Collection.Insert(new PrivacyDocument { Id = userId, UserId = userId });
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
        }

        Collection.UpdateMany(BsonExpression.Create(transform, value), BsonExpression.Create("_id = @0", new BsonValue(userId)));
        return FromDocument(Collection.FindById(userId));
    }

    private static PrivacySettings FromDocument(PrivacyDocument d) => new(d.UserId, d.OnLeaderboard, (PublicFields)d.Public & PublicFields.All);
}
