namespace BackendPrep.Core.Drills;

/// <summary>
/// Reviews per local calendar day of the user's zone. Converting a time to a zone is the costly step over a long
/// history, so it is done once per review here and the counts, streaks and chart share the result.
/// </summary>
public static class LocalDays
{
    public static Dictionary<DateOnly, int> Count(IEnumerable<DateTimeOffset> times, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(zone);
        var perDay = new Dictionary<DateOnly, int>();
        foreach (var at in times)
        {
            var day = DrillQueue.LocalDate(at, zone);
            perDay[day] = perDay.GetValueOrDefault(day) + 1;
        }

        return perDay;
    }
}
