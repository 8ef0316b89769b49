using LiteDB;

namespace BackendPrep.Storage;

/// <summary>
/// Upgrades a database file to <see cref="LiteDbStore.SchemaVersion"/>, one numbered step at a time. The version lives
/// in LiteDB's user-version header, so an older file is upgraded in place and a newer one is refused rather than damaged.
/// </summary>
internal static class SchemaMigrations
{
    private static readonly Action<LiteDatabase>[] Steps =
    [
        // 0 → 1: indexes for the collections the first release reads by user.
        db => db.GetCollection<TopicProgressDocument>(Collections.TopicProgress).EnsureIndex(d => d.UserId),

        // 1 → 2: the per-day review digest (review_days) that /progress and streaks read, built from every stored log.
        ReviewDays.Rebuild,

        // 2 → 3: topic progress is read by its "userId/topicId" key range instead; the second index cost every insert
        // 40% more log pages and 45% more allocation (docs/performance.md).
        db => db.GetCollection(Collections.TopicProgress).DropIndex(nameof(TopicProgressDocument.UserId)),
    ];

    public static void Apply(LiteDatabase db)
    {
        var version = db.UserVersion;
        if (version > Steps.Length)
        {
            throw new InvalidOperationException(
                $"the database file has schema version {version}, newer than this build understands ({Steps.Length}); run the newer release or restore a backup");
        }

        for (; version < Steps.Length; version++)
        {
            Steps[version](db);
            db.UserVersion = version + 1;
        }
    }
}
