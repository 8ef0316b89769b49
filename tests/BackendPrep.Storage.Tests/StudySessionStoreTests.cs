using BackendPrep.Core.Sessions;

namespace BackendPrep.Storage.Tests;

public sealed class StudySessionStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Many_users_can_stop_and_finish_sessions_and_each_still_has_one_running_at_most()
    {
        using var temp = new TempDatabase();
        using var db = temp.Open();
        var store = new StudySessionStore(db);

        // Found by the bad-input fuzz test: the second session anyone ended collided with the first (null key).
        foreach (var user in new[] { "1", "2", "3" })
        {
            Assert.True((await store.StartAsync(Session("a" + user, user), CancellationToken.None)).Started);
            Assert.NotNull(await store.StopAsync(user, At.AddMinutes(5), CancellationToken.None));
            Assert.True((await store.StartAsync(Session("b" + user, user), CancellationToken.None)).Started);
            Assert.True(await store.FinishAsync("b" + user, At.AddMinutes(30), late: false, CancellationToken.None));
        }

        Assert.True((await store.StartAsync(Session("c1", "1"), CancellationToken.None)).Started);
        var second = await store.StartAsync(Session("d1", "1"), CancellationToken.None);
        Assert.False(second.Started);
        Assert.Equal("c1", second.Session.Id);
        Assert.Equal(3, (await store.HistoryAsync("1", CancellationToken.None)).Count);
    }

    private static StudySession Session(string id, string user) => new(id, user, "a", At, At.AddMinutes(25), null, null);
}
