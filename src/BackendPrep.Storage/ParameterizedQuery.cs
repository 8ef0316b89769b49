using LiteDB;

namespace BackendPrep.Storage;

/// <summary>
/// Queries whose per-user value is a parameter. LiteDB compiles each distinct expression text once and keeps it for
/// the life of the process, so <c>Query.EQ("UserId", id)</c>, which writes the id into the text, compiled a new
/// expression for every user (about 2 ms) and kept about 3 KB per user forever. With the value as <c>@0</c> the text
/// is always the same.
/// </summary>
internal static class ParameterizedQuery
{
    /// <summary>
    /// Documents whose <paramref name="field"/> equals <paramref name="value"/> under the file's collation, which
    /// ignores case: callers that must tell "user" from "USER" compare again, ordinally.
    /// </summary>
    public static BsonExpression FieldEquals(string field, string value) => BsonExpression.Create($"$.{field} = @0", new BsonValue(value));

    /// <summary>
    /// Documents whose string id starts with <paramref name="prefix"/>, by an index seek on <c>_id</c>. LIKE is wider than
    /// the prefix (case-insensitive, and <c>%</c> or <c>_</c> inside it are wildcards), so callers keep only
    /// <see cref="IdStartsWith(BsonDocument, string)"/> matches.
    /// </summary>
    public static BsonExpression IdLike(string prefix) => BsonExpression.Create("$._id LIKE @0", new BsonValue(prefix + "%"));

    /// <summary>The exact, ordinal prefix test that <see cref="IdLike"/> only approximates.</summary>
    public static bool IdStartsWith(BsonDocument document, string prefix) =>
        document["_id"] is { IsString: true } id && id.AsString.StartsWith(prefix, StringComparison.Ordinal);
}
