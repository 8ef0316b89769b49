using BackendPrep.Bot.Features.Drills;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Drills;
using BackendPrep.Core.Reminders;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Storage;
using BackendPrep.Core.Study;

namespace BackendPrep.Bot.Features.Reminders;

/// <summary>Builds the group post and the personal nudge from the drill stores.</summary>
internal sealed class ReminderMessages(StudyContent content, IReviewStore reviews, IDrillSettingsStore settings)
{
    private readonly StreakRules _streaks = new();

    public async Task<Reply> GroupAsync(ReminderConfig config, DateOnly localDate, DateTimeOffset now, CancellationToken ct)
    {
        var guildId = config.GuildId ?? "";
        var members = await settings.InGuildAsync(guildId, ct);
        var due = 0;
        var counted = new HashSet<DateOnly>();
        var zone = config.Schedule.Zone();
        foreach (var member in members)
        {
            if ((await reviews.CardsAsync(member.UserId, ct)).Any(c => c.IsDue(now)))
            {
                due++;
            }

            var perDay = (await reviews.MomentsAsync(member.UserId, ct))
                .GroupBy(l => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(l.At, zone).DateTime))
                .Where(g => g.Count() >= _streaks.MinReviews);
            counted.UnionWith(perDay.Select(g => g.Key));
        }

        // The group streak: consecutive days up to yesterday on which someone in the group did a full day's reviews.
        var streak = 0;
        for (var day = localDate.AddDays(-1); counted.Contains(day); day = day.AddDays(-1))
        {
            streak++;
        }

        var cues = content.Deck(Deck.Cues).ToList();
        var cue = cues.Count == 0 ? null : cues[CueOfTheDay.Index(guildId, localDate, cues.Count)];
        var body = cue is null ? "No cues in the content yet." : $"**Cue of the day:** {cue.Front}\nWhat are your first moves? Discuss here, then drill.";
        var streakText = streak == 0 ? "no group streak yet — start one today" : $"yesterday's group streak: {Quantity.Of(streak, "day")}";
        return new Reply
        {
            Text = config.RoleId is { } role ? $"<@&{role}> Daily drill time!" : "Daily drill time!",
            Cards = [new ReplyCard($"Daily drill · {localDate:yyyy-MM-dd}", body) { Footer = $"{Quantity.Of(due, "member")} {(due == 1 ? "has" : "have")} cards due · {streakText}" }],
            Rows = [ControlRow.Of(new Button("Start my drills", CustomId.For(DrillsFeature.StartRoute, CustomId.Anyone), ControlStyle.Primary))],
            Visibility = Visibility.Public,
        };
    }

    /// <summary>A nudge, or null when the user has nothing due or already drilled today.</summary>
    public async Task<Reply?> NudgeAsync(ReminderConfig config, DateOnly localDate, DateTimeOffset now, CancellationToken ct)
    {
        var userId = config.UserId ?? "";
        var zone = config.Schedule.Zone();
        var due = (await reviews.CardsAsync(userId, ct)).Count(c => c.IsDue(now));
        var drilledToday = (await reviews.MomentsAsync(userId, ct)).Any(l => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(l.At, zone).DateTime) == localDate);
        if (due == 0 || drilledToday)
        {
            return null;
        }

        return new Reply
        {
            Text = $"You have {Quantity.Of(due, "card")} due and haven't drilled today. Five reviews keep your streak going.",
            Rows = [ControlRow.Of(new Button("Start my drills", CustomId.For(DrillsFeature.StartRoute, userId), ControlStyle.Primary))],
        };
    }
}
