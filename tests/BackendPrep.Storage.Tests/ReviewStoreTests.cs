using BackendPrep.Core.Drills;

namespace BackendPrep.Storage.Tests;

public sealed class ReviewStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_review_is_recorded_only_against_the_expected_rep_count_and_survives_reopening()
    {
        using var temp = new TempDatabase();
        var scheduler = new FsrsScheduler();
        var (first, firstLog) = scheduler.Review(ReviewCard.New("cue.a", At), Rating.Good, At);
        var (again, againLog) = scheduler.Review(ReviewCard.New("cue.a", At), Rating.Easy, At);
        using (var store = temp.Open())
        {
            var reviews = new ReviewStore(store);
            Assert.True(await reviews.TryRecordAsync("u", first, 0, firstLog, default));
            Assert.False(await reviews.TryRecordAsync("u", again, 0, againLog, default));
            var (second, secondLog) = scheduler.Review(first, Rating.Good, At.AddDays(3));
            Assert.True(await reviews.TryRecordAsync("u", second, 1, secondLog, default));
            Assert.False(await reviews.TryRecordAsync("u", second with { Reps = 9 }, 1, secondLog, default));
            await reviews.AppendAsync("u", ReviewLog.ForCram(second, Rating.Hard, At.AddDays(4)), default);
        }

        using var reopened = temp.Open();
        var loaded = new ReviewStore(reopened);
        var card = await loaded.CardAsync("u", "cue.a", default);
        Assert.Equal(2, card!.Reps);
        Assert.Equal(At.AddDays(3), card.LastReview);
        var logs = await loaded.LogsAsync("u", default);
        Assert.Equal([Rating.Good, Rating.Good, Rating.Hard], logs.Select(l => l.Rating));
        Assert.Equal([false, false, true], logs.Select(l => l.IsCram));
        Assert.Equal(firstLog, logs[0]);
        Assert.Empty(await loaded.CardsAsync("someone-else", default));
    }

    [Fact]
    public async Task Logs_come_back_for_that_user_only_in_time_order_whatever_the_insert_order()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        var reviews = new ReviewStore(store);
        var scheduler = new FsrsScheduler();
        var card = ReviewCard.New("cue.a", At);
        var written = new List<ReviewLog>();
        foreach (var (days, rating) in new[] { (5, Rating.Again), (1, Rating.Good), (9, Rating.Easy), (3, Rating.Hard) })
        {
            var (next, log) = scheduler.Review(card, rating, At.AddDays(days));
            written.Add(log);
            await reviews.AppendAsync("u", log, default);
            await reviews.AppendAsync("v", log with { CardId = "cue.other" }, default);
            card = next;
        }

        var logs = await reviews.LogsAsync("u", default);

        Assert.Equal(written.OrderBy(l => l.At), logs);
        Assert.All(await reviews.LogsAsync("v", default), l => Assert.Equal("cue.other", l.CardId));
    }
}
