using System.Globalization;

namespace BackendPrep.Core.Reminders;

/// <summary>
/// "At this local time, on these weekdays, in this IANA zone." Occurrences are computed per local date, so a DST
/// change moves the UTC instant but never adds or drops a day: a time inside a spring-forward gap fires just after
/// the gap, and a time repeated in autumn fires at its first (earlier) instant.
/// </summary>
public sealed record ReminderSchedule(TimeOnly At, string TimeZone, IReadOnlySet<DayOfWeek> Days)
{
    public static IReadOnlySet<DayOfWeek> EveryDay { get; } = Enum.GetValues<DayOfWeek>().ToHashSet();

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public bool RunsOn(DateOnly date) => Days.Contains(date.DayOfWeek);

    public DateTimeOffset Occurrence(DateOnly date)
    {
        var zone = Zone();
        var local = date.ToDateTime(At, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Skipped by a spring-forward jump: the instant the clocks jump to, plus however far into the gap we were.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local, before).ToUniversalTime();
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone()).DateTime);

    public string Describe() => FormattableString.Invariant($"{At:HH\\:mm} {TimeZone}, {DescribeDays(Days)}");

    public static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>Parses "daily", "weekdays", "weekends", "mon-fri", "mon,wed,fri" (ranges may wrap: "fri-mon").</summary>
    public static IReadOnlySet<DayOfWeek>? ParseDays(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return EveryDay;
        }

        var lower = text.Trim().ToLowerInvariant();
        switch (lower)
        {
            case "daily" or "every day" or "all":
                return EveryDay;
            case "weekdays":
                lower = "mon-fri";
                break;
            case "weekends":
                lower = "sat-sun";
                break;
        }

        var days = new HashSet<DayOfWeek>();
        foreach (var part in lower.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length > 2 || Day(ends[0]) is not { } from || Day(ends[^1]) is not { } to)
            {
                return null;
            }

            for (var d = from; ; d = (DayOfWeek)(((int)d + 1) % 7))
            {
                days.Add(d);
                if (d == to)
                {
                    break;
                }
            }
        }

        return days.Count == 0 ? null : days;
    }

    public static string DescribeDays(IReadOnlySet<DayOfWeek> days)
    {
        if (days.Count == 7)
        {
            return "every day";
        }

        var order = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday };
        return string.Join(", ", order.Where(days.Contains).Select(d => d.ToString()[..3]));
    }

    private static DayOfWeek? Day(string text) => text.Length < 3 ? null : text[..3] switch
    {
        "mon" => DayOfWeek.Monday,
        "tue" => DayOfWeek.Tuesday,
        "wed" => DayOfWeek.Wednesday,
        "thu" => DayOfWeek.Thursday,
        "fri" => DayOfWeek.Friday,
        "sat" => DayOfWeek.Saturday,
        "sun" => DayOfWeek.Sunday,
        _ => null,
    };
}
