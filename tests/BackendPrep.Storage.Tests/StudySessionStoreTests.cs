using BackendPrep.Core.Sessions;

namespace BackendPrep.Storage.Tests;

public sealed class StudySessionStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static StudySession Session(string id, string user, int hour) =>
        new(id, user, "pomodoro", At.AddHours(hour), At.AddHours(hour).AddMinutes(25), null, null);

    [Fact]
    public async Task Many_sessions_end_across_users_and_one_user_can_run_again_after_each()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        var sessions = new StudySessionStore(store);

        // Ended by the timer and by the user, for two users, twice each: every ended session must be storable.
        Assert.True((await sessions.StartAsync(Session("a1", "a", 0), default)).Started);
        Assert.True(await sessions.FinishAsync("a1", At.AddMinutes(25), late: false, default));
        Assert.True((await sessions.StartAsync(Session("b1", "b", 0), default)).Started);
        Assert.True(await sessions.FinishAsync("b1", At.AddMinutes(25), late: true, default));
        Assert.True((await sessions.StartAsync(Session("a2", "a", 1), default)).Started);
        Assert.NotNull(await sessions.StopAsync("a", At.AddHours(1).AddMinutes(5), default));
        Assert.True((await sessions.StartAsync(Session("b2", "b", 1), default)).Started);
        Assert.NotNull(await sessions.StopAsync("b", At.AddHours(1).AddMinutes(5), default));

        Assert.Null(await sessions.RunningAsync("a", default));
        Assert.Equal([SessionState.Finished, SessionState.Stopped], (await sessions.HistoryAsync("a", default)).Select(s => s.State));
        Assert.Equal([SessionState.Finished, SessionState.Stopped], (await sessions.HistoryAsync("b", default)).Select(s => s.State));
    }

    [Fact]
    public async Task A_second_start_while_running_returns_the_running_session()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        var sessions = new StudySessionStore(store);

        Assert.True((await sessions.StartAsync(Session("a1", "a", 0), default)).Started);
        var (running, started) = await sessions.StartAsync(Session("a2", "a", 0), default);

        Assert.False(started);
        Assert.Equal("a1", running.Id);
        Assert.Equal("a1", (await sessions.RunningAsync("a", default))?.Id);
        Assert.Empty(await sessions.DueAsync(At, default));
        Assert.Equal(["a1"], (await sessions.DueAsync(At.AddMinutes(25), default)).Select(s => s.Id));
    }
}
