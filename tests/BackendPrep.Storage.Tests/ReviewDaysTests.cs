using BackendPrep.Core.Drills;
using BackendPrep.Core.Progress;

namespace BackendPrep.Storage.Tests;

/// <summary>
/// The per-day review digest must give /progress exactly what the full logs give: same moments to the millisecond the
/// log keeps, so the same counts per local day, streaks, retention and chart in any zone.
/// </summary>
public sealed class ReviewDaysTests
{
    private const string User = "100000000000000007";

    /// <summary>Zones with DST both ways, offsets of +14, +5:45, +12:45 and Lord Howe's half-hour DST.</summary>
    private static readonly string[] Zones =
        ["UTC", "Europe/Berlin", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Kathmandu", "Pacific/Chatham", "Australia/Lord_Howe", "America/St_Johns"];

    private static readonly DateTimeOffset Start = new(2026, 2, 20, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// About 1,500 reviews over 260 days: bursts around UTC midnight and local midnights, times with sub-millisecond
    /// ticks (LiteDB keeps milliseconds), gaps of several days (streak breaks and freezes), Again ratings, cram ratings
    /// and first ratings, recorded both as scheduled reviews and as cram appends, not always in time order.
    /// </summary>
    private static async Task<ReviewStore> RecordHistoryAsync(LiteDbStore store, int seed)
    {
        var reviews = new ReviewStore(store);
        var random = new Random(seed);
        var scheduler = new FsrsScheduler();
        var cards = new Dictionary<string, ReviewCard>();
        for (var day = 0; day < 260; day++)
        {
            if (random.Next(6) == 0)
            {
                continue;
            }

            var count = random.Next(1, 12);
            for (var i = 0; i < count; i++)
            {
                // Most reviews cluster within two hours of UTC midnight, where local and UTC days disagree.
                var minutes = random.Next(3) == 0 ? random.Next(1440) : 1440 + random.Next(-120, 120);
                var at = Start.AddDays(day).AddMinutes(minutes).AddTicks(random.Next(0, 10_000_000));
                var id = $"card-{random.Next(40)}";
                var card = cards.GetValueOrDefault(id) ?? ReviewCard.New(id, at);
                var rating = (Rating)random.Next(1, 5);
                if (random.Next(8) == 0)
                {
                    await reviews.AppendAsync(User, ReviewLog.ForCram(card, rating, at), default);
                    continue;
                }

                var (next, log) = scheduler.Review(card, rating, at);
                if (await reviews.TryRecordAsync(User, next, card.Reps, log, default))
                {
                    cards[id] = next;
                }
            }
        }

        // A late arrival: a review stamped earlier than the ones already stored for its day.
        var late = cards.Values.First();
        await reviews.AppendAsync(User, ReviewLog.ForCram(late, Rating.Good, Start.AddDays(100).AddHours(3)), default);
        await reviews.AppendAsync(User, ReviewLog.ForCram(late, Rating.Again, Start.AddDays(100).AddHours(1)), default);
        return reviews;
    }

    private static IEnumerable<ReviewMoment> Canonical(IEnumerable<ReviewMoment> moments) =>
        moments.OrderBy(m => m.At).ThenBy(m => m.IsRecall).ThenBy(m => m.Passed);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task The_digest_gives_the_same_moments_and_the_same_progress_as_the_logs_in_every_zone(int seed)
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        var reviews = await RecordHistoryAsync(store, seed);
        var logs = await reviews.LogsAsync(User, default);
        var fromLogs = logs.Select(ReviewMoment.Of).ToList();

        var fromDigest = await reviews.MomentsAsync(User, default);

        Assert.True(fromLogs.Count > 1000, $"only {fromLogs.Count} reviews were generated");
        Assert.Equal(Canonical(fromLogs), Canonical(fromDigest));
        Assert.Equal(fromDigest.OrderBy(m => m.At), fromDigest);
        var cards = await reviews.CardsAsync(User, default);
        // Now at the last review (the retention window ends there, inclusive), exactly 30 days after one (it starts
        // there, exclusive), in the middle of the history and long after it.
        DateTimeOffset[] nows = [logs[^1].At, logs[logs.Count / 3].At.AddDays(30), Start.AddDays(123.4), Start.AddDays(400)];
        foreach (var zone in Zones.Select(TimeZoneInfo.FindSystemTimeZoneById))
        {
            foreach (var now in nows)
            {
                var expected = Figures(fromLogs, cards, zone, now);
                Assert.Equal(expected, Figures(fromDigest, cards, zone, now));
            }
        }
    }

    /// <summary>Every figure the report and chart derive from reviews, as one comparable string.</summary>
    private static string Figures(IReadOnlyList<ReviewMoment> moments, IReadOnlyList<ReviewCard> cards, TimeZoneInfo zone, DateTimeOffset now)
    {
        var input = new ProgressInput(new Dictionary<string, DateTimeOffset>(), [], moments, cards, [], zone);
        var d = ProgressReport.Drills(input, now, new StreakRules());
        var chart = ProgressSeries.Daily(moments, [], zone, now, days: 90);
        return $"{zone.Id} {now:O}: 7d {d.ReviewsLast7Days} 30d {d.ReviewsLast30Days} retention {d.TrueRetention:R}/{d.RetentionSample} " +
            $"due {d.DueToday}/{d.DueTomorrow} streak {d.Streak.Current}/{d.Streak.Best}/{d.Streak.TodayReviews}/{d.Streak.ReviewsNeededToday} " +
            $"frozen {string.Join(',', d.Streak.FrozenDays)} chart {string.Join(',', chart.Select(p => p.Reviews))}";
    }

    [Fact]
    public async Task Upgrading_a_version_1_file_builds_the_digest_from_the_stored_logs()
    {
        using var temp = new TempDatabase();
        List<ReviewMoment> expected;
        using (var store = temp.Open())
        {
            var reviews = await RecordHistoryAsync(store, seed: 3);
            expected = [.. Canonical((await reviews.LogsAsync(User, default)).Select(ReviewMoment.Of))];
            await reviews.AppendAsync("someone-else", ReviewLog.ForCram(ReviewCard.New("c", Start), Rating.Good, Start), default);
            // What a file written by the release before the digest looks like: the logs, no review_days, version 1.
            store.Database.DropCollection("review_days");
            store.Database.UserVersion = 1;
        }

        using var upgraded = temp.Open();
        var upgradedReviews = new ReviewStore(upgraded);

        Assert.Equal(LiteDbStore.SchemaVersion, upgraded.StoredSchemaVersion);
        Assert.Equal(expected, Canonical(await upgradedReviews.MomentsAsync(User, default)));
        Assert.Single(await upgradedReviews.MomentsAsync("someone-else", default));
        Assert.Empty(await upgradedReviews.MomentsAsync("1000000000000000", default));
    }

    [Fact]
    public async Task A_declined_rating_writes_neither_log_nor_digest()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        var reviews = new ReviewStore(store);
        var (first, log) = new FsrsScheduler().Review(ReviewCard.New("c", Start), Rating.Good, Start);
        Assert.True(await reviews.TryRecordAsync(User, first, 0, log, default));

        Assert.False(await reviews.TryRecordAsync(User, first, 0, log with { At = Start.AddHours(1) }, default));
        Assert.False(await reviews.TryRecordAsync(User, first, 5, log with { At = Start.AddHours(2) }, default));

        Assert.Single(await reviews.LogsAsync(User, default));
        Assert.Equal([ReviewMoment.Of(log)], await reviews.MomentsAsync(User, default));
    }

    [Theory]
    [InlineData("2026-03-01T00:00:00.0000000Z")]
    [InlineData("2026-03-01T23:59:59.9999999Z")] // stays on its UTC day: LiteDB truncates, never rounds up
    [InlineData("2026-03-01T12:34:56.7894999Z")]
    [InlineData("2026-03-01T12:34:56.7895001Z")]
    [InlineData("1969-12-31T23:59:59.2500000Z")]
    public void An_entry_keeps_the_time_to_the_millisecond_as_the_stored_log_reads_back(string at)
    {
        var time = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        var stored = LiteDB.BsonMapper.Global.Deserialize<DateTime>(
            LiteDB.BsonSerializer.Deserialize(LiteDB.BsonSerializer.Serialize(new LiteDB.BsonDocument { ["t"] = time.UtcDateTime }))["t"]);

        foreach (var (recall, passed) in new[] { (true, true), (true, false), (false, true), (false, false) })
        {
            var (day, entry) = ReviewDays.Encode(new ReviewMoment(time, recall, passed));
            Assert.Equal(new ReviewMoment(new DateTimeOffset(stored.ToUniversalTime()), recall, passed), ReviewDays.Decode(new DateTimeOffset(day), entry));
        }
    }
}
