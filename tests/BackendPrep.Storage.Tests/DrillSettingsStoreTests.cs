using BackendPrep.Core.Drills;
using BackendPrep.Core.Study;

namespace BackendPrep.Storage.Tests;

public sealed class DrillSettingsStoreTests
{
    [Fact]
    public async Task Settings_default_round_trip_and_are_found_by_guild()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        var settings = new DrillSettingsStore(store);
        Assert.Equal(new DrillSettings("u"), await settings.GetAsync("u", default));

        var saved = new DrillSettings("u")
        {
            Deck = Deck.Pitfalls,
            Retention = 0.85,
            NewPerDay = 3,
            TimeZone = "Asia/Tokyo",
            InterviewDate = new DateOnly(2027, 1, 15),
            LastGuildId = "g",
            Note = "hello",
        };
        await settings.SaveAsync(saved, default);
        await settings.SaveAsync(new DrillSettings("v") { LastGuildId = "other" }, default);

        Assert.Equal(saved, await settings.GetAsync("u", default));
        Assert.Equal(["u"], (await settings.InGuildAsync("g", default)).Select(s => s.UserId));
    }
}
