namespace BackendPrep.Storage.Tests;

public sealed class LiteDbStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_file_is_created_at_the_current_schema_version()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();

        Assert.Equal(LiteDbStore.SchemaVersion, store.StoredSchemaVersion);
        Assert.True(File.Exists(temp.Path));
    }

    [Fact]
    public void A_file_from_a_newer_release_is_refused_rather_than_damaged()
    {
        using var temp = new TempDatabase();
        using (var store = temp.Open())
        {
            store.Database.UserVersion = LiteDbStore.SchemaVersion + 1;
        }

        var ex = Assert.Throws<InvalidOperationException>(() => temp.Open());

        Assert.Contains("newer than this build understands", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(400)]
    public async Task The_log_is_checkpointed_once_it_passes_the_configured_pages(int pages)
    {
        using var temp = new TempDatabase();
        using var store = temp.Open(checkpointPages: pages);
        var topics = new TopicProgressStore(store);
        var longest = 0L;
        var shrank = false;
        for (var i = 0; i < 60; i++)
        {
            var before = temp.LogLength;
            await topics.MarkLearnedAsync($"u{i}", "caching", At, default);
            shrank |= temp.LogLength < before;
            longest = Math.Max(longest, temp.LogLength);
        }

        // 60 inserts write a few hundred pages: a 20-page limit checkpoints over and over, a 400-page one never.
        const long PageBytes = 8192;
        Assert.Equal(pages == 20, shrank);
        Assert.True(pages == 20 ? longest < 40 * PageBytes : longest > 40 * PageBytes, $"log reached {longest / PageBytes} pages with a {pages}-page limit");
        Assert.Single(await topics.LearnedAsync("u59", default));
    }

    [Fact]
    public async Task Marking_a_topic_learned_twice_counts_once_and_survives_reopening()
    {
        using var temp = new TempDatabase();
        using (var store = temp.Open())
        {
            var topics = new TopicProgressStore(store);
            Assert.True(await topics.MarkLearnedAsync("u1", "caching", At, default));
            Assert.False(await topics.MarkLearnedAsync("u1", "caching", At.AddHours(1), default));
            Assert.True(await topics.MarkLearnedAsync("u2", "caching", At, default));
        }

        using var reopened = temp.Open();
        var learned = await new TopicProgressStore(reopened).LearnedAsync("u1", default);

        Assert.Equal(At, Assert.Single(learned).Value);
    }

    [Fact]
    public async Task Concurrent_marks_of_the_same_topic_record_exactly_one()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        var topics = new TopicProgressStore(store);

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => topics.MarkLearnedAsync("u", "auth", At, default))));

        Assert.Equal(1, results.Count(r => r));
    }
}
