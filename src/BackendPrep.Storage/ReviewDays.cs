using System.Buffers.Binary;
using BackendPrep.Core.Drills;
using LiteDB;

namespace BackendPrep.Storage;

/// <summary>
/// One user's reviews of one UTC day, digested: id "userId/yyyy-MM-dd", so a user's days are one range of the primary
/// key (and their data by the privacy convention). Kept beside <c>review_logs</c> because /progress, streaks and
/// reminders need only when each review happened and whether it counted for retention: for a long history that is a
/// few hundred small documents instead of thousands of full logs.
/// </summary>
internal sealed class ReviewDayDocument
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTime DayUtc { get; set; }

    /// <summary>Every review of the day in time order, <see cref="ReviewDays.EntrySize"/> bytes each (see <see cref="ReviewDays.Encode"/>).</summary>
    public byte[] Entries { get; set; } = [];
}

/// <summary>
/// The <c>review_days</c> digest: written in the same transaction as each review log, rebuilt from the logs by a schema
/// migration. Times are kept per entry, not as counts per day, because "day" is the user's local day in whatever zone
/// they hold when they ask: counts per UTC day could not be moved to another zone, and true retention needs its
/// 30-day window to the millisecond.
/// </summary>
internal static class ReviewDays
{
    public const int EntrySize = 4;
    private const long MillisecondsPerDay = 86_400_000;
    private const uint RecallBit = 1;
    private const uint PassedBit = 2;
    private const int FlagBits = 2;

    /// <summary>Adds a review to its day's document; the caller holds the write transaction.</summary>
    public static void Append(ILiteCollection<ReviewDayDocument> days, string userId, ReviewLog log)
    {
        var (day, entry) = Encode(ReviewMoment.Of(log));
        var id = Id(userId, day);
        var document = days.FindById(id) ?? new ReviewDayDocument { Id = id, UserId = userId, DayUtc = day };
        document.Entries = Insert(document.Entries, entry);
        days.Upsert(document);
    }

    /// <summary>Every review of the user, oldest first: days come in key order and entries are kept sorted within a day.</summary>
    public static IReadOnlyList<ReviewMoment> Read(ILiteCollection<BsonDocument> days, string userId)
    {
        var moments = new List<ReviewMoment>();
        var prefix = userId + "/";
        foreach (var document in days.Find(ParameterizedQuery.IdLike(prefix)).Where(d => ParameterizedQuery.IdStartsWith(d, prefix)))
        {
            var day = new DateTimeOffset(document[nameof(ReviewDayDocument.DayUtc)].AsDateTime.ToUniversalTime());
            var entries = document[nameof(ReviewDayDocument.Entries)].AsBinary;
            for (var offset = 0; offset < entries.Length; offset += EntrySize)
            {
                moments.Add(Decode(day, BinaryPrimitives.ReadUInt32LittleEndian(entries.AsSpan(offset))));
            }
        }

        return moments;
    }

    /// <summary>
    /// The UTC day and the packed entry: milliseconds since that midnight above two flag bits (recall, passed). The time
    /// is cut to the millisecond as LiteDB cuts the log's <c>AtUtc</c> (it stores whole milliseconds since the epoch,
    /// truncated), so a moment equals what the stored log reads back as.
    /// </summary>
    public static (DateTime Day, uint Entry) Encode(ReviewMoment moment)
    {
        var sinceEpoch = (moment.At.UtcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
        var dayNumber = Math.DivRem(sinceEpoch, MillisecondsPerDay, out var ofDay);
        if (ofDay < 0)
        {
            dayNumber--;
            ofDay += MillisecondsPerDay;
        }

        var flags = (moment.IsRecall ? RecallBit : 0) | (moment.Passed ? PassedBit : 0);
        return (DateTime.UnixEpoch.AddDays(dayNumber), ((uint)ofDay << FlagBits) | flags);
    }

    public static ReviewMoment Decode(DateTimeOffset dayUtc, uint entry) =>
        new(dayUtc.AddTicks((entry >> FlagBits) * TimeSpan.TicksPerMillisecond), (entry & RecallBit) != 0, (entry & PassedBit) != 0);

    public static string Id(string userId, DateTime dayUtc) =>
        $"{userId}/{dayUtc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Reviews almost always arrive in time order, so the new entry goes at the end after a short backwards scan.</summary>
    private static byte[] Insert(byte[] entries, uint entry)
    {
        var at = entries.Length;
        while (at > 0 && BinaryPrimitives.ReadUInt32LittleEndian(entries.AsSpan(at - EntrySize)) >> FlagBits > entry >> FlagBits)
        {
            at -= EntrySize;
        }

        var grown = new byte[entries.Length + EntrySize];
        entries.AsSpan(0, at).CopyTo(grown);
        BinaryPrimitives.WriteUInt32LittleEndian(grown.AsSpan(at), entry);
        entries.AsSpan(at).CopyTo(grown.AsSpan(at + EntrySize));
        return grown;
    }

    /// <summary>Builds the digest of every stored log: the schema step that introduces it, safe to run again after a crash.</summary>
    public static void Rebuild(LiteDatabase db)
    {
        db.DropCollection(Collections.ReviewDays);
        var perDay = new Dictionary<string, (string UserId, DateTime Day, List<uint> Entries)>(StringComparer.Ordinal);
        foreach (var log in db.GetCollection(Collections.ReviewLogs).FindAll())
        {
            var userId = log[nameof(ReviewLogDocument.UserId)].AsString;
            var (day, entry) = Encode(ReviewMoment.Of(ReviewStore.ReadLog(log)));
            var id = Id(userId, day);
            if (!perDay.TryGetValue(id, out var bucket))
            {
                perDay[id] = bucket = (userId, day, []);
            }

            bucket.Entries.Add(entry);
        }

        db.GetCollection<ReviewDayDocument>(Collections.ReviewDays).InsertBulk(perDay.Select(p => new ReviewDayDocument
        {
            Id = p.Key,
            UserId = p.Value.UserId,
            DayUtc = p.Value.Day,
            Entries = Pack(p.Value.Entries),
        }));
    }

    private static byte[] Pack(List<uint> entries)
    {
        // Stable by time, as the log's own read orders them.
        var sorted = entries.Select((e, i) => (e, i)).OrderBy(x => x.e >> FlagBits).ThenBy(x => x.i).Select(x => x.e).ToList();
        var bytes = new byte[sorted.Count * EntrySize];
        for (var i = 0; i < sorted.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * EntrySize), sorted[i]);
        }

        return bytes;
    }
}
