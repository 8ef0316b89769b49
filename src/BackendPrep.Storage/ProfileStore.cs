using BackendPrep.Core.Storage;
using LiteDB;

namespace BackendPrep.Storage;

internal sealed class GuildMemberDocument
{
    /// <summary>"user/guild": one document per member per guild, and erasable by the user-id prefix.</summary>
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public string GuildId { get; set; } = "";
    public string Name { get; set; } = "";
    public DateTime FirstSeenUtc { get; set; }
    public DateTime LastSeenUtc { get; set; }
    public long Uses { get; set; }
}

internal sealed class DigestClaimDocument
{
    /// <summary>"guild/week": inserting it is the claim, so a digest posts once per guild per week.</summary>
    public string Id { get; set; } = "";
    public DateTime ClaimedAtUtc { get; set; }
}

public sealed class ProfileStore : IProfileStore
{
    private const string Name = "guild_members";
    private readonly LiteDbStore _store;

    /// <summary>Maps the document type once before any thread queries it (see <see cref="AttemptStore"/>).</summary>
    static ProfileStore()
    {
        BsonMapper.Global.ToDocument(new GuildMemberDocument());
        BsonMapper.Global.ToDocument(new DigestClaimDocument());
    }

    public ProfileStore(LiteDbStore store)
    {
        _store = store;
        Collection.EnsureIndex(d => d.GuildId);
        Collection.EnsureIndex(d => d.UserId);
    }

    private ILiteCollection<GuildMemberDocument> Collection => _store.Database.GetCollection<GuildMemberDocument>(Name);

    public Task RecordUseAsync(string guildId, string userId, string name, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var id = $"{userId}/{guildId}";
        var when = at.UtcDateTime;
        try
        {
            Collection.Insert(new GuildMemberDocument { Id = id, UserId = userId, GuildId = guildId, Name = name, FirstSeenUtc = when, LastSeenUtc = when, Uses = 1 });
            return Task.CompletedTask;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            // Already known: count the use in one engine-side update, so concurrent uses each add exactly one.
        }

        Collection.UpdateMany(
            BsonExpression.Create("{ Uses: $.Uses + 1, Name: @0, LastSeenUtc: IIF(@1 > $.LastSeenUtc, @1, $.LastSeenUtc) }", new BsonValue(name), new BsonValue(when)),
            BsonExpression.Create("_id = @0", new BsonValue(id)));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<GuildMember>> MembersAsync(string guildId, CancellationToken cancellationToken)
    {
        IReadOnlyList<GuildMember> members = [.. Collection.Find(d => d.GuildId == guildId).OrderBy(d => d.UserId, StringComparer.Ordinal).Select(FromDocument)];
        return Task.FromResult(members);
    }

    public Task<GuildMember?> GetAsync(string guildId, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(Collection.FindById($"{userId}/{guildId}") is { } d ? FromDocument(d) : null);

    public Task<IReadOnlyList<string>> GuildsAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> guilds = [.. Collection.Query().Select(d => d.GuildId).ToEnumerable().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        return Task.FromResult(guilds);
    }

    public Task<bool> TryClaimDigestAsync(string guildId, string week, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            _store.Database.GetCollection<DigestClaimDocument>("digest_claims").Insert(new DigestClaimDocument { Id = $"{guildId}/{week}", ClaimedAtUtc = at.UtcDateTime });
            return Task.FromResult(true);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return Task.FromResult(false);
        }
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static GuildMember FromDocument(GuildMemberDocument d) => new(d.GuildId, d.UserId, d.Name, Utc(d.FirstSeenUtc), Utc(d.LastSeenUtc), d.Uses);
}
