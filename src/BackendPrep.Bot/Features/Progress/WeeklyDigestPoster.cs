using System.Globalization;
using System.Text;
using BackendPrep.Bot.Hosting;
using BackendPrep.Bot.Transports;
using BackendPrep.Core.Progress;
using BackendPrep.Core.Reminders;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Storage;
using BackendPrep.Core.Study;
using Microsoft.Extensions.Logging;

namespace BackendPrep.Bot.Features.Progress;

/// <summary>
/// Posts each guild's weekly digest on Monday, at the time its group reminder is set for, in the reminder's channel.
/// Only members who opted in to the leaderboard are counted or named. A claim per guild and ISO week makes it post once.
/// </summary>
internal sealed class WeeklyDigestPoster(
    IReminderStore reminders,
    IProfileStore profiles,
    IPrivacyStore privacy,
    IAttemptStore attempts,
    IDrillHistory drills,
    Leaderboard leaderboard,
    StudyContent content,
    IChannelMessenger messenger,
    TimeProvider time,
    ILogger<WeeklyDigestPoster> log) : ScheduledLoop(time, log)
{
    protected override TimeSpan MaxSleep { get; } = TimeSpan.FromMinutes(1);

    protected internal override async Task<DateTimeOffset?> RunDueAsync(CancellationToken ct)
    {
        await PostDueAsync(ct);
        return null;
    }

    /// <summary>Posts every digest that is due now and not yet posted this week.</summary>
    internal async Task<int> PostDueAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow();
        var posted = 0;
        foreach (var reminder in await reminders.AllAsync(ct))
        {
            if (reminder is not { Kind: ReminderKind.Group, GuildId: { } guild, ChannelId: { } channel })
            {
                continue;
            }

            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(reminder.Schedule.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
            var local = TimeZoneInfo.ConvertTime(now, zone);
            if (local.DayOfWeek != DayOfWeek.Monday || TimeOnly.FromDateTime(local.DateTime) < reminder.Schedule.At)
            {
                continue;
            }

            var week = $"{ISOWeek.GetYear(local.DateTime)}-W{ISOWeek.GetWeekOfYear(local.DateTime):00}";
            if (!await profiles.TryClaimDigestAsync(guild, week, now, ct))
            {
                continue;
            }

            try
            {
                await messenger.PostAsync(Destination.Channel(channel), View(await BuildAsync(guild, now, ct)), ct);
                posted++;
            }
            catch (DeliveryException ex)
            {
                // Claimed either way: a digest a week late is worse than a missed one.
                Log.LogWarning("Could not post the weekly digest in guild {GuildId}: {Failure}", guild, ex.Failure);
            }
        }

        return posted;
    }

    private async Task<WeeklyDigestSummary> BuildAsync(string guild, DateTimeOffset now, CancellationToken ct)
    {
        var members = await profiles.MembersAsync(guild, ct);
        var opted = await privacy.OnLeaderboardAsync(members.Select(m => m.UserId), ct);
        var digest = new List<DigestMember>();
        foreach (var member in members.Where(m => opted.Contains(m.UserId)))
        {
            var reviews = await drills.ReviewsAsync(member.UserId, ct);
            var tried = await attempts.ForUserAsync(member.UserId, ct);
            var activity = new LeaderboardEntrant(member.UserId, member.Name, await drills.ZoneAsync(member.UserId, ct),
                [.. reviews.Select(r => new ReviewMark(r.At, r.CardId, r.IsCram))], [.. tried.Select(a => (a.StartedAt, a.Score))]);
            digest.Add(new DigestMember(activity, tried));
        }

        return WeeklyDigest.Build(content, digest, leaderboard, now);
    }

    internal static Reply View(WeeklyDigestSummary d)
    {
        var text = new StringBuilder();
        text.AppendLine($"{d.ActiveMembers} active member{(d.ActiveMembers == 1 ? "" : "s")} · {d.Reviews} reviews · {d.Attempts} prompt answers"
            + (d.AverageCoverage is { } c ? $" · average coverage {ProgressViews.Percent(c)}" : ""));
        if (d.MostImproved is { } up)
        {
            text.AppendLine($"Most improved: **{up.Name}** ({ProgressViews.Percent(up.Before)} → {ProgressViews.Percent(up.After)})");
        }

        if (d.MostMissed is { } missed)
        {
            text.AppendLine($"The group's most-missed point: **{missed.Label}** in “{missed.PromptTitle}”. Practise it with `/prompt`.");
        }

        return new Reply
        {
            Cards = [new ReplyCard("Weekly digest", text.ToString().TrimEnd()) { Accent = 0x10B981, Footer = "Counts members on the leaderboard (/privacy leaderboard:on)." }],
            Visibility = Visibility.Public,
        };
    }
}
