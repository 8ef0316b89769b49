using System.Globalization;

namespace BackendPrep.Core.Reminders;

/// <summary>The same cue for everyone in a guild on a local date, so the group can discuss it; stable across restarts.</summary>
public static class CueOfTheDay
{
    public static int Index(string guildId, DateOnly date, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);

        // FNV-1a: string.GetHashCode is randomised per process and would change the cue on restart.
        var hash = 2166136261u;
        foreach (var ch in $"{guildId}|{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}")
        {
            hash = unchecked((hash ^ ch) * 16777619u);
        }

        return (int)(hash % (uint)count);
    }
}
