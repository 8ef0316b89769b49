using BackendPrep.Core.Storage;
using LiteDB;

namespace BackendPrep.Storage;

/// <summary>
/// Finds a user's documents in every collection of the database by the storage convention: a <c>UserId</c> field
/// equal to the user's id, or an id of the form "userId/…". Collections are listed from the file, so stores added
/// later are covered without registering anywhere. Group rounds a user started carry them as <c>StarterId</c>, and are
/// covered too.
/// </summary>
public sealed class UserDataStore(LiteDbStore store) : IUserDataStore
{
    /// <summary>Fields that name the user a document belongs to.</summary>
    private static readonly string[] OwnerFields = ["UserId", "StarterId"];

    public Task<IReadOnlyDictionary<string, int>> InventoryAsync(string userId, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, int> counts = Owned(userId, cancellationToken)
            .Where(c => c.Documents.Count > 0)
            .ToDictionary(c => c.Collection, c => c.Documents.Count, StringComparer.Ordinal);
        return Task.FromResult(counts);
    }

    public Task<string> ExportJsonAsync(string userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var collections = new BsonDocument();
        foreach (var (name, documents) in Owned(userId, cancellationToken).Where(c => c.Documents.Count > 0))
        {
            collections[name] = new BsonArray(documents);
        }

        var export = new BsonDocument
        {
            ["userId"] = userId,
            ["exportedAtUtc"] = at.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["collections"] = collections,
        };
        return Task.FromResult(JsonSerializer.Serialize(export));
    }

    public Task<IReadOnlyDictionary<string, int>> EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var removed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in Names())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = store.Database.GetCollection(name).DeleteMany(Predicate(userId));
            if (count > 0)
            {
                removed[name] = count;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, int>>(removed);
    }

    private IEnumerable<(string Collection, List<BsonDocument> Documents)> Owned(string userId, CancellationToken ct)
    {
        foreach (var name in Names())
        {
            ct.ThrowIfCancellationRequested();
            yield return (name, store.Database.GetCollection(name).Find(Predicate(userId)).ToList());
        }
    }

    private IEnumerable<string> Names() => store.Database.GetCollectionNames().Order(StringComparer.Ordinal).ToList();

    /// <summary>Owner fields equal to the user, an id that is the user id (per-user settings), or starts with "userId/" (e.g. topic progress).</summary>
    private static BsonExpression Predicate(string userId)
    {
        var owner = string.Join(" OR ", OwnerFields.Select(f => $"$.{f} = @0"));
        return BsonExpression.Create($"({owner}) OR $._id = @0 OR (IS_STRING($._id) AND INDEXOF($._id, @1) = 0)", new BsonValue(userId), new BsonValue(userId + "/"));
    }
}
