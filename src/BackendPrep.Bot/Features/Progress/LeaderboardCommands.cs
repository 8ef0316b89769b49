using System.Globalization;
using System.Text;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Progress;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Storage;

namespace BackendPrep.Bot.Features.Progress;

/// <summary><c>/leaderboard</c>: the guild's members who opted in, ranked by streak, reviews or prompt coverage.</summary>
internal sealed class LeaderboardCommands(
    IAttemptStore attempts,
    IDrillHistory drills,
    IPrivacyStore privacy,
    IProfileStore profiles,
    Leaderboard leaderboard,
    TimeProvider time)
{
    public const int Shown = 15;

    public async ValueTask<Response> ShowAsync(Invocation invocation, CancellationToken ct)
    {
        var guild = invocation.GuildId ?? throw new UserFacingException("The leaderboard is per server: run it in a server channel.");
        var period = Parse(invocation.Option("period"), LeaderboardPeriod.Week, "period", "week, month or all");
        var metric = Parse(invocation.Option("by"), LeaderboardMetric.Reviews, "by", "streak, reviews or coverage");
        await Sightings.RecordAsync(profiles, invocation, time, ct);

        var members = await profiles.MembersAsync(guild, ct);
        var opted = await privacy.OnLeaderboardAsync(members.Select(m => m.UserId), ct);
        var entrants = new List<LeaderboardEntrant>();
        foreach (var member in members.Where(m => opted.Contains(m.UserId)))
        {
            var reviews = await drills.ReviewsAsync(member.UserId, ct);
            var tried = await attempts.ForUserAsync(member.UserId, ct);
            entrants.Add(new LeaderboardEntrant(
                member.UserId,
                member.Name,
                await drills.ZoneAsync(member.UserId, ct),
                [.. reviews.Select(r => new ReviewMark(r.At, r.CardId, r.IsCram))],
                [.. tried.Where(a => a.Result.Items.Count > 0).Select(a => (a.StartedAt, a.Score))]));
        }

        var rows = leaderboard.Rank(entrants, metric, period, time.GetUtcNow());
        return View(rows, metric, period, opted.Contains(invocation.User.Id), leaderboard.DailyReviewCap).Publicly(invocation.Flag("public"));
    }

    private static Reply View(IReadOnlyList<LeaderboardRow> rows, LeaderboardMetric metric, LeaderboardPeriod period, bool callerOptedIn, int cap)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Take(Shown))
        {
            text.AppendLine($"{row.Rank}. **{row.Name}** — {Value(metric, row.Value)}");
        }

        if (rows.Count == 0)
        {
            text.Append("Nobody to rank yet. Members join with `/privacy leaderboard:on`.");
        }

        var rules = metric switch
        {
            LeaderboardMetric.Reviews => $"Each card counts once a day, at most {cap} a day; cram doesn't count.",
            LeaderboardMetric.Streak => period == LeaderboardPeriod.All ? "Best streak ever." : "Current streak.",
            _ => "Average prompt coverage.",
        };
        var card = new ReplyCard($"Leaderboard — {metric.ToString().ToLowerInvariant()}, {PeriodText(period)}", text.ToString().TrimEnd())
        {
            Accent = 0xF59E0B,
            Footer = $"{rules} Only members who opted in are listed; ties go to the other figure, then the older account."
                + (callerOptedIn ? "" : " You are not on it: /privacy leaderboard:on"),
        };
        return Reply.Show(card);
    }

    private static string Value(LeaderboardMetric metric, double value) => metric switch
    {
        LeaderboardMetric.Reviews => $"{value.ToString("0", CultureInfo.InvariantCulture)} reviews",
        LeaderboardMetric.Streak => value == 1 ? "1 day" : $"{value.ToString("0", CultureInfo.InvariantCulture)} days",
        _ => ProgressViews.Percent(value),
    };

    private static string PeriodText(LeaderboardPeriod period) => period switch
    {
        LeaderboardPeriod.Week => "last 7 days",
        LeaderboardPeriod.Month => "last 30 days",
        _ => "all time",
    };

    private static T Parse<T>(string? text, T fallback, string option, string allowed)
        where T : struct, Enum =>
        text is null ? fallback
        : Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsDigit(text[0]) ? value
        : throw new UserFacingException($"`{option}` must be {allowed}.");
}
