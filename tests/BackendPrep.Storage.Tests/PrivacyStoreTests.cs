using BackendPrep.Core.Progress;

namespace BackendPrep.Storage.Tests;

public sealed class PrivacyStoreTests
{
    [Fact]
    public async Task A_user_who_never_chose_gets_the_defaults_and_is_not_on_the_leaderboard()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        var privacy = new PrivacyStore(store);

        var settings = await privacy.GetAsync("u1", default);

        Assert.Equal(PrivacySettings.Default("u1"), settings);
        Assert.Empty(await privacy.OnLeaderboardAsync(["u1"], default));
    }

    [Fact]
    public async Task Settings_survive_a_reopen_and_opt_in_is_filtered_to_the_asked_users()
    {
        using var temp = new TempDatabase();
        using (var store = temp.Open())
        {
            var privacy = new PrivacyStore(store);
            await privacy.SetLeaderboardAsync("u1", true, default);
            await privacy.SetLeaderboardAsync("u2", true, default);
            await privacy.SetLeaderboardAsync("u2", false, default);
            await privacy.SetLeaderboardAsync("u3", true, default);
            await privacy.SetPublicAsync("u1", PublicFields.Coverage | PublicFields.Streak, default);
        }

        using var reopened = temp.Open();
        var again = new PrivacyStore(reopened);
        Assert.Equal(new PrivacySettings("u1", true, PublicFields.Coverage | PublicFields.Streak), await again.GetAsync("u1", default));
        Assert.Equal(["u1"], await again.OnLeaderboardAsync(["u1", "u2", "u9"], default));
    }

    [Fact]
    public async Task Two_settings_changed_at_the_same_moment_both_stick()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        var privacy = new PrivacyStore(store);

        // Many devices flip the two fields at once; a read-modify-write of the whole document would lose one of them.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => i % 2 == 0
            ? privacy.SetLeaderboardAsync("u1", true, default)
            : privacy.SetPublicAsync("u1", PublicFields.All, default))));

        Assert.Equal(new PrivacySettings("u1", true, PublicFields.All), await privacy.GetAsync("u1", default));
    }
}
