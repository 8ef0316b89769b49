using BackendPrep.Core.Text;

namespace BackendPrep.Core.Reminders;

/// <summary>IANA time-zone names for autocomplete and validation, from the zone data the runtime carries.</summary>
public static class TimeZoneNames
{
    private static readonly Lazy<IReadOnlyList<string>> Names = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC").Order(StringComparer.Ordinal)]);

    public static IReadOnlyList<string> All => Names.Value;

    /// <summary>Longer than any zone name by far: typed text beyond it gets no edit-distance suggestions.</summary>
    private const int MaxTypedLength = 64;

    /// <summary>The zone id as the runtime knows it, or null when it is not a zone.</summary>
    public static string? Resolve(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        var exact = All.FirstOrDefault(n => n.Equals(trimmed, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        // IANA links ("US/Eastern", "EST") only: Windows names ("Pacific Standard Time") resolve through ICU, which the
        // globalization-invariant bot does not load, so accepting them where ICU is present would store a zone the bot
        // cannot find.
        return TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var zone) && zone.HasIanaId ? zone.Id : null;
    }

    /// <summary>Names containing what was typed (any part of it), best first, for autocomplete and "did you mean".</summary>
    public static IReadOnlyList<string> Suggest(string typed, int max = 25)
    {
        var text = typed.Trim().Replace(' ', '_');
        if (text.Length == 0)
        {
            return [.. All.Take(max)];
        }

        var parts = text.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 3).ToList();
        return
        [
            .. All
                .Select(n => (n, score: n.StartsWith(text, StringComparison.OrdinalIgnoreCase) ? 0
                    : n.Contains(text, StringComparison.OrdinalIgnoreCase) ? 1
                    : parts.Any(p => n.Contains(p, StringComparison.OrdinalIgnoreCase)) ? 2
                    : 3))
                .Where(x => x.score < 3)
                .OrderBy(x => x.score)
                .ThenBy(x => x.n, StringComparer.Ordinal)
                .Take(max)
                .Select(x => x.n),
        ];
    }

    public static string Unknown(string typed)
    {
        var shown = QuotedText.Inert(typed, 40);
        if (typed.Length > MaxTypedLength)
        {
            // No zone name is this long; comparing it with every zone would cost seconds of CPU per request.
            return $"\"{shown}\" is not a time zone I know. Use an IANA name such as Europe/Berlin or America/New_York.";
        }

        // Nearest names by edit distance, so a typo ("Europe/Berlinn") finds its zone and not its neighbours.
        var text = typed.Trim().Replace(' ', '_').ToLowerInvariant();
        var suggestions = All
            .Select(n => (n, distance: EditDistance.Between(text, n.ToLowerInvariant())))
            .Where(x => x.distance <= Math.Max(3, text.Length / 3))
            .OrderBy(x => x.distance)
            .ThenBy(x => x.n, StringComparer.Ordinal)
            .Take(5)
            .Select(x => x.n)
            .ToList();
        if (suggestions.Count == 0)
        {
            suggestions = [.. Suggest(typed, 5)];
        }

        return suggestions.Count == 0
            ? $"\"{shown}\" is not a time zone I know. Use an IANA name such as Europe/Berlin or America/New_York."
            : $"\"{shown}\" is not a time zone I know. Did you mean: {string.Join(", ", suggestions.Select(s => $"`{s}`"))}?";
    }
}
