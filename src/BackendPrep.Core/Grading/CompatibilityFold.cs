using System.Globalization;
using System.Text;

namespace BackendPrep.Core.Grading;

/// <summary>
/// Folds compatibility forms and accents ("café" → "cafe", "ﬁ" → "fi", full-width → ASCII) the way NFKD followed by
/// dropping non-spacing marks does, without ICU: the bot runs in globalization-invariant mode (issue 10), where
/// <see cref="string.Normalize()"/> folds nothing. The table covers the ranges gen_fold_table.py lists; other
/// characters pass through, except non-spacing marks, which are dropped wherever they are.
/// </summary>
public static partial class CompatibilityFold
{
    /// <summary>The whole text folded; ASCII text comes back as it is.</summary>
    public static string Apply(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            folded.Append(Of(c));
        }

        return folded.ToString();
    }

    /// <summary>The fold of <paramref name="c"/>: its table entry, nothing for a non-spacing mark, else itself.</summary>
    public static ReadOnlySpan<char> Of(in char c)
    {
        var index = Keys.AsSpan().BinarySearch(c);
        if (index >= 0)
        {
            var start = index == 0 ? 0 : Ends[index - 1];
            return Folds.AsSpan(start, Ends[index] - start);
        }

        return char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark ? [] : new ReadOnlySpan<char>(in c);
    }
}
