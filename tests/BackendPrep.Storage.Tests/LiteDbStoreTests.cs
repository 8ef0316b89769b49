using LiteDB;

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
    [InlineData(5)]
    [InlineData(400)]
    public async Task Without_the_timer_LiteDB_checkpoints_inside_a_commit_only_at_the_backstop_size(int pages)
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

        // 60 inserts write a few hundred pages: a 5-page setting (backstop 20) checkpoints over and over, 400 (1,600) never.
        var backstop = pages * LiteDbStore.InlineCheckpointFactor * PageBytes;
        Assert.Equal(pages == 5, shrank);
        Assert.True(pages == 5 ? longest < 2 * backstop : longest > 40 * PageBytes, $"log reached {longest / PageBytes} pages with a {pages}-page setting");
        Assert.Single(await topics.LearnedAsync("u59", default));
    }

    [Fact]
    public async Task CheckpointIfDue_empties_the_log_once_it_reaches_the_configured_pages_and_only_between_operations()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open(checkpointPages: 30);
        var topics = new TopicProgressStore(store);
        await topics.MarkLearnedAsync("u0", "caching", At, default);
        Assert.InRange(temp.LogLength, 1, 30 * PageBytes - 1);
        Assert.False(store.CheckpointIfDue());
        Assert.NotEqual(0, temp.LogLength);

        for (var i = 1; temp.LogLength < 30 * PageBytes; i++)
        {
            await topics.MarkLearnedAsync($"u{i}", "caching", At, default);
        }

        var due = temp.LogLength;
        store.Gate.Enter(default);
        try
        {
            Assert.False(store.CheckpointIfDue());
            Assert.Equal(due, temp.LogLength);
        }
        finally
        {
            store.Gate.LeaveScope();
            store.Gate.Exit();
        }

        Assert.True(store.CheckpointIfDue());
        Assert.Equal(0, temp.LogLength);
        Assert.Single(await topics.LearnedAsync("u1", default));
    }

    [Fact]
    public async Task CheckpointIfDue_stops_waiting_for_a_gap_once_the_log_is_twice_the_configured_pages()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open(checkpointPages: 20);
        var topics = new TopicProgressStore(store);
        for (var i = 0; temp.LogLength < 40 * PageBytes; i++)
        {
            await topics.MarkLearnedAsync($"u{i}", "caching", At, default);
        }

        store.Gate.Enter(default);
        try
        {
            Assert.True(store.CheckpointIfDue());
            Assert.Equal(0, temp.LogLength);
        }
        finally
        {
            store.Gate.LeaveScope();
            store.Gate.Exit();
        }
    }

    private const long PageBytes = 8192;

    [Fact]
    public async Task Learned_topics_are_read_by_key_range_and_a_user_id_that_prefixes_another_sees_only_its_own()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        var topics = new TopicProgressStore(store);
        await topics.MarkLearnedAsync("12", "caching", At, default);
        await topics.MarkLearnedAsync("123", "auth", At, default);
        await topics.MarkLearnedAsync("1", "concurrency", At, default);

        Assert.Equal(["caching"], (await topics.LearnedAsync("12", default)).Keys);
        Assert.Equal(["auth"], (await topics.LearnedAsync("123", default)).Keys);
        Assert.Empty(await topics.LearnedAsync("2", default));
    }

    [Fact]
    public async Task Upgrading_a_version_2_file_drops_the_topic_progress_user_index_and_keeps_every_learned_topic()
    {
        using var temp = new TempDatabase();
        using (var store = temp.Open())
        {
            await new TopicProgressStore(store).MarkLearnedAsync("u1", "caching", At, default);
            // What the release before looks like: topic progress indexed by UserId, version 2.
            store.Database.GetCollection(Collections.TopicProgress).EnsureIndex("UserId");
            store.Database.UserVersion = 2;
            Assert.Contains("UserId", TopicProgressIndexes(store));
        }

        using var upgraded = temp.Open();

        Assert.Equal(LiteDbStore.SchemaVersion, upgraded.StoredSchemaVersion);
        Assert.DoesNotContain("UserId", TopicProgressIndexes(upgraded));
        Assert.Equal(["caching"], (await new TopicProgressStore(upgraded).LearnedAsync("u1", default)).Keys);
    }

    private static List<string> TopicProgressIndexes(LiteDbStore store) =>
        [.. store.Database.GetCollection("$indexes").Find(Query.EQ("collection", Collections.TopicProgress)).Select(d => d["name"].AsString)];

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
