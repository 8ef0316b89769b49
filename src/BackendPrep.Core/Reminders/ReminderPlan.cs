namespace BackendPrep.Core.Reminders;

/// <summary>What the reminder loop should do for one schedule now: post for a local date, and when to look again.</summary>
public sealed record ReminderDecision(DateOnly? PostFor, DateTimeOffset? NextAt);

public static class ReminderPlan
{
    /// <summary>The longest grace window that still only ever concerns today's or yesterday's occurrence.</summary>
    public static readonly TimeSpan MaxGrace = TimeSpan.FromHours(12);

    /// <summary>
    /// Posts for the latest local date whose occurrence has passed, is later than anything claimed before, and is at
    /// most <paramref name="grace"/> ago; an occurrence missed by more than the grace window is skipped.
    /// </summary>
    public static ReminderDecision Decide(ReminderSchedule schedule, DateOnly? claimed, DateTimeOffset now, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(grace, MaxGrace);
        var today = schedule.LocalDate(now);
        DateOnly? post = null;
        for (var date = today.AddDays(-1); date <= today; date = date.AddDays(1))
        {
            if (schedule.RunsOn(date) && (claimed is null || date > claimed) && schedule.Occurrence(date) is var at && at <= now && now - at <= grace)
            {
                post = date;
            }
        }

        DateTimeOffset? next = null;
        for (var date = today; date <= today.AddDays(8); date = date.AddDays(1))
        {
            if (schedule.RunsOn(date) && date != post && (claimed is null || date > claimed) && schedule.Occurrence(date) is var at && at > now)
            {
                next = at;
                break;
            }
        }

        return new ReminderDecision(post, next);
    }
}
