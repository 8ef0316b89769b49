using System.Text;
using BackendPrep.Core.Storage;
using static BackendPrep.Bot.Tests.Progress.ProgressHarness;

namespace BackendPrep.Bot.Tests.Progress;

public sealed class PrivacyCommandTests
{
    [Fact]
    public async Task Privacy_shows_what_is_stored_and_the_switches_change_who_sees_it()
    {
        using var content = TempContent.Minimal();
        using var h = new ProgressHarness(content.Root);
        await h.Get<ITopicProgressStore>().MarkLearnedAsync(Alice.Id, "t", h.Time.GetUtcNow(), default);

        var before = Text(await h.CommandAsync(Alice, "privacy"));
        var changed = Text(await h.CommandAsync(Alice, "privacy", ("leaderboard", "on"), ("public", "streak, reviews")));
        var bad = Text(await h.CommandAsync(Alice, "privacy", ("public", "passwords")));

        Assert.Contains("1 × topics you marked learned", before, StringComparison.Ordinal);
        Assert.Contains("streak, topics", before, StringComparison.Ordinal);
        Assert.Contains("Off: you are not listed", before, StringComparison.Ordinal);
        Assert.Contains("You are on the leaderboard. Others now see: streak, reviews.", changed, StringComparison.Ordinal);
        Assert.Contains("On: members of servers", changed, StringComparison.Ordinal);
        Assert.Contains("`public` takes a list of", bad, StringComparison.Ordinal);
        var settings = await h.Get<IPrivacyStore>().GetAsync(Alice.Id, default);
        Assert.True(settings.OnLeaderboard);
    }

    [Fact]
    public async Task Export_is_a_json_file_with_the_users_data_and_nobody_elses()
    {
        using var content = TempContent.Minimal();
        using var h = new ProgressHarness(content.Root);
        await ProgressCommandTests.AnswerAsync(h, Alice, "a1", "a");
        await ProgressCommandTests.AnswerAsync(h, Bob, "b1", "b");
        await h.CommandAsync(Bob, "privacy", ("leaderboard", "on"));

        var reply = await h.CommandAsync(Alice, "privacy", ("action", "export"));

        var file = Assert.IsType<Core.Replies.ReplyFile>(reply.File);
        Assert.Equal("application/json", file.ContentType);
        var json = Encoding.UTF8.GetString(file.Content.Span);
        using var parsed = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(Alice.Id, parsed.RootElement.GetProperty("userId").GetString());
        Assert.Contains("secret answer text alice", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Bob.Id, json, StringComparison.Ordinal);
        Assert.DoesNotContain("secret answer text bob", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_asks_first_refuses_anyone_else_and_then_removes_everything_of_the_user_only()
    {
        using var content = TempContent.Minimal();
        using var h = new ProgressHarness(content.Root);
        foreach (var user in new[] { Alice, Bob })
        {
            await h.Get<ITopicProgressStore>().MarkLearnedAsync(user.Id, "t", h.Time.GetUtcNow(), default);
            await ProgressCommandTests.AnswerAsync(h, user, "x" + user.Name, "a");
            await h.CommandAsync(user, "privacy", ("leaderboard", "on"));
        }

        var confirm = await h.CommandAsync(Alice, "privacy", ("action", "delete"));
        var erase = Action(confirm, "Delete everything");
        Assert.NotEmpty(await h.Get<IUserDataStore>().InventoryAsync(Alice.Id, default));

        var refused = Text(await h.PressAsync(Bob, erase));
        Assert.Contains("belongs to someone else", refused, StringComparison.Ordinal);
        Assert.NotEmpty(await h.Get<IUserDataStore>().InventoryAsync(Alice.Id, default));

        var done = Text(await h.PressAsync(Alice, erase));
        Assert.Contains("Your data is deleted", done, StringComparison.Ordinal);
        Assert.Contains("1 × topics you marked learned (`topic_progress`)", done, StringComparison.Ordinal);
        Assert.Contains("1 × your prompt answers and their grades (`prompt_attempts`)", done, StringComparison.Ordinal);
        Assert.Empty(await h.Get<IUserDataStore>().InventoryAsync(Alice.Id, default));
        Assert.Empty(await h.Get<ITopicProgressStore>().LearnedAsync(Alice.Id, default));
        Assert.Empty(await h.Get<IAttemptStore>().ForUserAsync(Alice.Id, default));
        Assert.Single(await h.Get<IAttemptStore>().ForUserAsync(Bob.Id, default));
        Assert.Equal(["guild_members", "privacy", "prompt_attempts", "topic_progress"], (await h.Get<IUserDataStore>().InventoryAsync(Bob.Id, default)).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Keeping_the_data_deletes_nothing()
    {
        using var content = TempContent.Minimal();
        using var h = new ProgressHarness(content.Root);
        await h.Get<ITopicProgressStore>().MarkLearnedAsync(Alice.Id, "t", h.Time.GetUtcNow(), default);

        var kept = Text(await h.PressAsync(Alice, Action(await h.CommandAsync(Alice, "privacy", ("action", "delete")), "Keep")));

        Assert.Contains("nothing was deleted", kept, StringComparison.Ordinal);
        Assert.Single(await h.Get<ITopicProgressStore>().LearnedAsync(Alice.Id, default));
    }
}
