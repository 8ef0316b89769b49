namespace BackendPrep.Core.Grading;

/// <summary>
/// Typed answers have typos ("signiture", "bulkhaed"). A concept stem of six or more letters that is not in the
/// answer also matches answer stems one edit away (insert, delete, substitute or swap two neighbours) that start
/// with the same letter. Shorter stems must match exactly: at five letters one edit turns one word into another.
/// </summary>
internal static class TypoTolerance
{
    public const int MinLength = 6;

    public static bool Applies(string stem) =>
        stem.Length >= MinLength && stem.All(char.IsAsciiLetterLower);

    /// <summary>Optimal string alignment distance of at most one.</summary>
    public static bool WithinOneEdit(string a, string b)
    {
        if (a.Length > b.Length)
        {
            (a, b) = (b, a);
        }

        if (b.Length - a.Length > 1 || a[0] != b[0])
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && a[i] == b[i])
        {
            i++;
        }

        if (i == a.Length)
        {
            return true; // equal, or b has one extra letter at the end
        }

        if (a.Length == b.Length)
        {
            // one substitution, or two neighbours swapped
            return a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))
                || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2)));
        }

        return a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1)); // one letter inserted into the longer
    }
}
