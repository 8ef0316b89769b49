using System.Collections;
using System.Reflection;
using BackendPrep.Core.Drills;
using LiteDB;

namespace BackendPrep.Storage.Tests;

public sealed class ParameterizedQueryTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Per_user_reads_compile_no_new_LiteDB_expression_per_user()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        var topics = new TopicProgressStore(store);
        var reviews = new ReviewStore(store);
        await ReadAsUser("warm-up");

        var before = CompiledExpressions();
        for (var i = 0; i < 50; i++)
        {
            await ReadAsUser($"user-{Guid.NewGuid():N}");
        }

        // LiteDB keeps every distinct expression text it compiled for the life of the process: with the user id written
        // into the text, this grew by 150 (2 ms and 3 KB each); other tests running in parallel add a few of their own.
        Assert.InRange(CompiledExpressions() - before, 0, 20);

        async Task ReadAsUser(string user)
        {
            await topics.MarkLearnedAsync(user, "caching", At, default);
            Assert.Single(await topics.LearnedAsync(user, default));
            Assert.Empty(await reviews.LogsAsync(user, default));
            Assert.Empty(await reviews.MomentsAsync(user, default));
        }
    }

    [Theory]
    [InlineData("a_b", "axb")]
    [InlineData("a%", "ab")]
    [InlineData("user", "USER")]
    public async Task A_user_id_with_LIKE_wildcards_or_another_case_reads_only_its_own_documents(string user, string other)
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        var topics = new TopicProgressStore(store);
        var reviews = new ReviewStore(store);
        await topics.MarkLearnedAsync(user, "caching", At, default);
        await topics.MarkLearnedAsync(other, "auth", At, default);
        await reviews.AppendAsync(other, ReviewLog.ForCram(ReviewCard.New("c", At), Rating.Good, At), default);

        Assert.Equal(["caching"], (await topics.LearnedAsync(user, default)).Keys);
        Assert.Empty(await reviews.MomentsAsync(user, default));
        Assert.Empty(await reviews.LogsAsync(user, default));
        Assert.Single(await reviews.MomentsAsync(other, default));
    }

    private static int CompiledExpressions() =>
        typeof(BsonExpression).GetFields(BindingFlags.Static | BindingFlags.NonPublic)
            .Where(f => f.Name.StartsWith("_cache", StringComparison.Ordinal))
            .Sum(f => ((ICollection)f.GetValue(null)!).Count);
}
