using BackendPrep.Core.Reminders;

namespace BackendPrep.Storage.Tests;

public sealed class ReminderStoreTests
{
    private static ReminderConfig Config() => new(ReminderConfig.GroupId("g"), ReminderKind.Group,
        new ReminderSchedule(new TimeOnly(9, 0), "Europe/Berlin", ReminderSchedule.ParseDays("mon-fri")!))
    { GuildId = "g", ChannelId = "c", RoleId = "r" };

    [Fact]
    public async Task A_date_is_claimed_once_claims_only_move_forward_and_survive_reopening_and_re_saving()
    {
        using var temp = new TempDatabase();
        var day = new DateOnly(2026, 11, 2);
        using (var store = temp.Open())
        {
            var reminders = new ReminderStore(store);
            await reminders.SaveAsync(Config(), default);
            Assert.True(await reminders.TryClaimAsync(Config().Id, day, default));
            Assert.False(await reminders.TryClaimAsync(Config().Id, day, default));
            Assert.False(await reminders.TryClaimAsync(Config().Id, day.AddDays(-1), default));
            await reminders.MarkAsync(Config().Id, "no permission", default);
        }

        using var reopened = temp.Open();
        var again = new ReminderStore(reopened);
        await again.SaveAsync(Config(), default);
        Assert.False(await again.TryClaimAsync(Config().Id, day, default));
        var loaded = await again.GetAsync(Config().Id, default);
        Assert.Equal(day, loaded!.ClaimedDate);
        Assert.Null(loaded.ConfirmedDate);
        Assert.Null(loaded.Problem);
        Assert.Equal(new TimeOnly(9, 0), loaded.Schedule.At);
        Assert.Equal(5, loaded.Schedule.Days.Count);
        Assert.Equal("r", loaded.RoleId);
        await again.ConfirmAsync(Config().Id, day, new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero), default);
        Assert.Equal(day, (await again.GetAsync(Config().Id, default))!.ConfirmedDate);
        Assert.True(await again.TryClaimAsync(Config().Id, day.AddDays(1), default));
        Assert.True(await again.RemoveAsync(Config().Id, default));
        Assert.Empty(await again.AllAsync(default));
    }
}
