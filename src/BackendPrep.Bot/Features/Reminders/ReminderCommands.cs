using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Reminders;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Storage;
using BackendPrep.Core.Text;

namespace BackendPrep.Bot.Features.Reminders;

/// <summary>Handlers for <c>/reminders set|show|off</c> (Manage Server) and the personal <c>/nudge</c>.</summary>
internal sealed class ReminderCommands(IReminderStore store, ReminderSignal signal, TimeProvider time)
{
    public async ValueTask<Response> SetAsync(Invocation invocation, CancellationToken ct)
    {
        var guildId = invocation.GuildId ?? throw new UserFacingException("Reminders are set per server.");
        var channel = invocation.Option("channel") ?? invocation.ChannelId ?? throw new UserFacingException("Pick a channel for the reminder.");
        var schedule = Schedule(invocation);
        var existing = await store.GetAsync(ReminderConfig.GroupId(guildId), ct);
        await store.SaveAsync(new ReminderConfig(ReminderConfig.GroupId(guildId), ReminderKind.Group, schedule)
        {
            GuildId = guildId,
            ChannelId = channel.Trim('<', '#', '>'),
            RoleId = invocation.Option("role")?.Trim('<', '@', '&', '>'),
        }, ct);
        var note = await SkipPassedTodayAsync(ReminderConfig.GroupId(guildId), schedule, existing, ct);
        signal.Wake();
        return Reply.Say($"Daily reminder set: <#{channel.Trim('<', '#', '>')}> at {schedule.Describe()}.{note}");
    }

    public async ValueTask<Response> ShowAsync(Invocation invocation, CancellationToken ct)
    {
        var guildId = invocation.GuildId ?? throw new UserFacingException("Reminders are set per server.");
        if (await store.GetAsync(ReminderConfig.GroupId(guildId), ct) is not { } config)
        {
            return Reply.Say("No daily reminder is set. Use `/reminders set channel: time: timezone:`.");
        }

        var health = config.Problem is { } problem
            ? $"⚠️ Unhealthy: {problem} Fix it, then run `/reminders set` again (the schedule is kept)."
            : "✅ Healthy.";
        var last = config.LastPostedAt is { } at ? $" Last posted {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC." : " Not posted yet.";
        var role = config.RoleId is { } r ? $", pinging <@&{r}>" : "";
        return Reply.Say($"Daily reminder in <#{config.ChannelId}> at {config.Schedule.Describe()}{role}.{last} {health}");
    }

    public async ValueTask<Response> OffAsync(Invocation invocation, CancellationToken ct)
    {
        var guildId = invocation.GuildId ?? throw new UserFacingException("Reminders are set per server.");
        var removed = await store.RemoveAsync(ReminderConfig.GroupId(guildId), ct);
        signal.Wake();
        return Reply.Say(removed ? "Daily reminder switched off." : "There was no daily reminder to switch off.");
    }

    public async ValueTask<Response> NudgeAsync(Invocation invocation, CancellationToken ct)
    {
        var id = ReminderConfig.NudgeId(invocation.User.Id);
        if (invocation.Flag("off"))
        {
            var removed = await store.RemoveAsync(id, ct);
            signal.Wake();
            return Reply.Say(removed ? "Drill nudges switched off." : "You had no drill nudge.");
        }

        var schedule = Schedule(invocation);
        var existing = await store.GetAsync(id, ct);
        await store.SaveAsync(new ReminderConfig(id, ReminderKind.Nudge, schedule) { UserId = invocation.User.Id }, ct);
        await SkipPassedTodayAsync(id, schedule, existing, ct);
        signal.Wake();
        return Reply.Say($"I'll DM you at {schedule.Describe()} when you have cards due and haven't drilled that day. (Switch off with `/nudge off:true`.)");
    }

    /// <summary>
    /// A schedule set after today's time has passed starts tomorrow: without this, the grace-window catch-up would post
    /// the moment an admin saves it. Today is claimed, which the service treats as done.
    /// </summary>
    private async Task<string> SkipPassedTodayAsync(string id, ReminderSchedule schedule, ReminderConfig? existing, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = schedule.LocalDate(now);
        if (existing?.ClaimedDate == today)
        {
            return " Today's reminder already went out, so the next one is tomorrow.";
        }

        if (schedule.Occurrence(today) <= now)
        {
            await store.TryClaimAsync(id, today, ct);
            return " Today's time has passed, so the first one goes out at the next scheduled day.";
        }

        return "";
    }

    public static ValueTask<IReadOnlyList<Choice>> ZoneChoices(Invocation invocation) =>
        ValueTask.FromResult<IReadOnlyList<Choice>>([.. TimeZoneNames.Suggest(invocation.FocusedValue).Select(n => new Choice(n, n))]);

    private static ReminderSchedule Schedule(Invocation invocation)
    {
        var timeText = invocation.Option("time") ?? throw new UserFacingException("Give a time such as 09:00.");
        if (!ReminderSchedule.TryParseTime(timeText, out var at))
        {
            throw new UserFacingException($"\"{QuotedText.Inert(timeText, 40)}\" is not a time: use 24-hour HH:mm, e.g. 09:00 or 20:30.");
        }

        var zoneText = invocation.Option("timezone") ?? throw new UserFacingException("Give a time zone such as Europe/Berlin.");
        var zone = TimeZoneNames.Resolve(zoneText) ?? throw new UserFacingException(TimeZoneNames.Unknown(zoneText));
        var days = ReminderSchedule.ParseDays(invocation.Option("days"))
            ?? throw new UserFacingException($"\"{QuotedText.Inert(invocation.Option("days") ?? "", 40)}\" is not a set of days: try `mon-fri`, `mon,wed,fri`, `weekends` or `daily`.");
        return new ReminderSchedule(at, zone, days);
    }
}
