namespace BackendPrep.Core.Storage;

/// <summary>
/// Everything stored about one user, across every feature's collections: for <c>/privacy</c> (what is stored),
/// export and erasure. It works by convention, not by a list: a document belongs to a user when its <c>UserId</c>
/// field is theirs or its id starts with "userId/", so a new feature's data is covered without touching this.
/// </summary>
public interface IUserDataStore
{
    /// <summary>How many of the user's documents each collection holds (collections with none are left out).</summary>
    Task<IReadOnlyDictionary<string, int>> InventoryAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The user's documents as one JSON object: <c>{ userId, exportedAtUtc, collections: { name: [ … ] } }</c>.</summary>
    Task<string> ExportJsonAsync(string userId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Deletes every document of the user; returns how many were removed per collection.</summary>
    Task<IReadOnlyDictionary<string, int>> EraseAsync(string userId, CancellationToken cancellationToken);
}
