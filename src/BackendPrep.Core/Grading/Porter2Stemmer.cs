using System.Collections.Frozen;

namespace BackendPrep.Core.Grading;

/// <summary>
/// The Porter2 ("English" Snowball) stemmer, written from the published algorithm description.
/// Input is one lowercase word; anything that is not a plain a–z word comes back unchanged.
/// </summary>
public static partial class Porter2Stemmer
{
    private static readonly FrozenDictionary<string, string> Exceptional = new Dictionary<string, string>
    {
        ["skis"] = "ski",
        ["skies"] = "sky",
        ["dying"] = "die",
        ["lying"] = "lie",
        ["tying"] = "tie",
        ["idly"] = "idl",
        ["gently"] = "gentl",
        ["ugly"] = "ugli",
        ["early"] = "earli",
        ["only"] = "onli",
        ["singly"] = "singl",
        ["sky"] = "sky",
        ["news"] = "news",
        ["howe"] = "howe",
        ["atlas"] = "atlas",
        ["cosmos"] = "cosmos",
        ["bias"] = "bias",
        ["andes"] = "andes",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> InvariantAfterStep1A =
        new[] { "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed" }.ToFrozenSet(StringComparer.Ordinal);

    public static string Stem(string word)
    {
        if (word.Length <= 2 || !IsPlainWord(word))
        {
            return word;
        }

        if (Exceptional.TryGetValue(word, out var exceptional))
        {
            return exceptional;
        }

        var w = word[0] == '\'' ? word[1..] : word;
        if (w.Length <= 2)
        {
            return w;
        }

        w = MarkConsonantY(w);
        var r1 = RegionStart(w, 0);
        if (w.StartsWith("gener", StringComparison.Ordinal) || w.StartsWith("arsen", StringComparison.Ordinal))
        {
            r1 = 5;
        }
        else if (w.StartsWith("commun", StringComparison.Ordinal))
        {
            r1 = 6;
        }

        var r2 = RegionStart(w, r1);

        w = Step0(w);
        w = Step1A(w);
        if (InvariantAfterStep1A.Contains(w))
        {
            return w;
        }

        w = Step1B(w, r1);
        w = Step1C(w);
        w = ReplaceInRegion(w, Step2Rules, r1, step2: true);
        w = Step3(w, r1, r2);
        w = Step4(w, r2);
        w = Step5(w, r1, r2);
        return w.Replace('Y', 'y');
    }

    private static bool IsPlainWord(string word)
    {
        foreach (var c in word)
        {
            if (c is not ((>= 'a' and <= 'z') or '\''))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool IsDouble(string w) =>
        w.Length >= 2 && w[^1] == w[^2] && w[^1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't';

    private static bool IsLiEnding(char c) => c is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't';

    private static string MarkConsonantY(string w)
    {
        if (!w.Contains('y', StringComparison.Ordinal))
        {
            return w;
        }

        var chars = w.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == 'y' && (i == 0 || IsVowel(chars[i - 1])))
            {
                chars[i] = 'Y';
            }
        }

        return new string(chars);
    }

    /// <summary>R1/R2: the region after the first non-vowel that follows a vowel, searched from <paramref name="from"/>.</summary>
    private static int RegionStart(string w, int from)
    {
        for (var i = Math.Max(from, 1); i < w.Length; i++)
        {
            if (IsVowel(w[i - 1]) && !IsVowel(w[i]) && i - 1 >= from)
            {
                return i + 1;
            }
        }

        return w.Length;
    }

    private static bool EndsWithShortSyllable(string w)
    {
        if (w.Length == 2)
        {
            return IsVowel(w[0]) && !IsVowel(w[1]);
        }

        return w.Length >= 3 && !IsVowel(w[^3]) && IsVowel(w[^2]) && !IsVowel(w[^1]) && w[^1] is not ('w' or 'x' or 'Y');
    }

    private static bool ContainsVowel(string w, int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (IsVowel(w[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Step0(string w)
    {
        if (w.EndsWith("'s'", StringComparison.Ordinal))
        {
            return w[..^3];
        }

        if (w.EndsWith("'s", StringComparison.Ordinal))
        {
            return w[..^2];
        }

        return w.EndsWith('\'') ? w[..^1] : w;
    }

    private static string Step1A(string w)
    {
        if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            return w[..^2];
        }

        if (w.EndsWith("ied", StringComparison.Ordinal) || w.EndsWith("ies", StringComparison.Ordinal))
        {
            return w.Length > 4 ? w[..^2] : w[..^1];
        }

        if (w.EndsWith("us", StringComparison.Ordinal) || w.EndsWith("ss", StringComparison.Ordinal))
        {
            return w;
        }

        // Delete a final s when a vowel occurs before the letter preceding it ("gaps" → "gap", "gas" stays).
        return w.EndsWith('s') && ContainsVowel(w, w.Length - 2) ? w[..^1] : w;
    }

    private static string Step1B(string w, int r1)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["eedly", "ingly", "edly", "eed", "ing", "ed"])
        {
            if (!w.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var at = w.Length - suffix.Length;
            if (suffix is "eed" or "eedly")
            {
                return at >= r1 ? w[..at] + "ee" : w;
            }

            if (!ContainsVowel(w, at))
            {
                return w;
            }

            var stem = w[..at];
            if (stem.EndsWith("at", StringComparison.Ordinal) || stem.EndsWith("bl", StringComparison.Ordinal) || stem.EndsWith("iz", StringComparison.Ordinal))
            {
                return stem + "e";
            }

            if (IsDouble(stem))
            {
                return stem[..^1];
            }

            // A short word: ends in a short syllable and R1 is empty.
            return EndsWithShortSyllable(stem) && r1 >= stem.Length ? stem + "e" : stem;
        }

        return w;
    }

    private static string Step1C(string w) =>
        w.Length > 2 && (w[^1] is 'y' or 'Y') && !IsVowel(w[^2]) ? w[..^1] + "i" : w;
}
