namespace BackendPrep.Storage.Tests;

public sealed class ProfileStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Members_are_kept_per_guild_with_their_latest_name()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        var profiles = new ProfileStore(store);

        await profiles.RecordUseAsync("g1", "u2", "bob", At, default);
        await profiles.RecordUseAsync("g1", "u1", "alice", At, default);
        await profiles.RecordUseAsync("g1", "u1", "alice2", At.AddHours(1), default);
        await profiles.RecordUseAsync("g2", "u3", "carol", At, default);

        var members = await profiles.MembersAsync("g1", default);
        Assert.Equal(["u1", "u2"], members.Select(m => m.UserId));
        Assert.Equal("alice2", members[0].Name);
        Assert.Equal(2, members[0].Uses);
        Assert.Equal(At, members[0].FirstSeen);
        Assert.Equal(At.AddHours(1), members[0].LastSeen);
        Assert.Equal(["g1", "g2"], await profiles.GuildsAsync(default));
    }

    [Fact]
    public async Task One_user_hammered_from_many_tasks_counts_every_use_exactly_once()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        var profiles = new ProfileStore(store);
        const int Tasks = 16, Each = 25;

        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < Each; i++)
            {
                await profiles.RecordUseAsync("g1", "u1", "alice", At.AddSeconds((t * Each) + i), default);
            }
        })));

        var members = await profiles.MembersAsync("g1", default);
        var alice = Assert.Single(members);
        Assert.Equal(Tasks * Each, alice.Uses);
        Assert.Equal(At.AddSeconds((Tasks * Each) - 1), alice.LastSeen);
    }

    [Fact]
    public async Task A_weekly_digest_is_claimed_once_per_guild_and_week_even_under_races()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        var profiles = new ProfileStore(store);

        var wins = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => profiles.TryClaimDigestAsync("g1", "2026-W48", At, default))));

        Assert.Equal(1, wins.Count(w => w));
        Assert.True(await profiles.TryClaimDigestAsync("g1", "2026-W49", At, default));
        Assert.True(await profiles.TryClaimDigestAsync("g2", "2026-W48", At, default));
    }
}
