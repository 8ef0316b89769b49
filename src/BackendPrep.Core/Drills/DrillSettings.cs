using BackendPrep.Core.Study;

namespace BackendPrep.Core.Drills;

/// <summary>A user's drill preferences. <see cref="Note"/> is a one-off message shown on their next <c>/drill</c>.</summary>
public sealed record DrillSettings(string UserId)
{
    public Deck Deck { get; init; } = Deck.Cues;
    public double Retention { get; init; } = FsrsScheduler.DefaultDesiredRetention;
    public int NewPerDay { get; init; } = DrillQueue.DefaultDailyNewLimit;
    public string TimeZone { get; init; } = "UTC";
    public DateOnly? InterviewDate { get; init; }
    public string? LastGuildId { get; init; }
    public string? Note { get; init; }

    public TimeZoneInfo Zone() => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The scheduler for this user now: their retention, raised and capped by interview-date mode while it runs.</summary>
    public FsrsScheduler Scheduler(DateTimeOffset now)
    {
        var usual = new FsrsScheduler(desiredRetention: Retention);
        return InterviewDate is { } date ? new InterviewDateMode(date, Zone(), Math.Max(Retention, InterviewDateMode.DefaultRetention)).Scheduler(usual, now) : usual;
    }
}
