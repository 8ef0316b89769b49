namespace BackendPrep.Core.Grading;

/// <summary>Porter2 steps 2–5: derivational suffixes, each removed only inside its region.</summary>
public static partial class Porter2Stemmer
{
    // Longest suffix first inside each step: the longest match decides, even when its condition then fails.
    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
        ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"),
        ("entli", "ent"), ("ation", "ate"), ("alism", "al"), ("aliti", "al"), ("ousli", "ous"), ("iviti", "ive"), ("fulli", "ful"),
        ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("izer", "ize"), ("ator", "ate"), ("alli", "al"),
        ("bli", "ble"), ("ogi", "og"),
        ("li", ""),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
        ("ical", "ic"), ("ness", ""), ("ful", ""),
    ];

    private static readonly string[] Step4Suffixes =
    [
        "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "al", "er", "ic",
    ];

    private static string ReplaceInRegion(string w, (string Suffix, string Replacement)[] rules, int region, bool step2)
    {
        foreach (var (suffix, replacement) in rules)
        {
            if (!w.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var at = w.Length - suffix.Length;
            if (at < region)
            {
                return w;
            }

            if (step2 && suffix == "ogi" && (at == 0 || w[at - 1] != 'l'))
            {
                return w;
            }

            if (step2 && suffix == "li" && (at == 0 || !IsLiEnding(w[at - 1])))
            {
                return w;
            }

            return w[..at] + replacement;
        }

        return w;
    }

    private static string Step3(string w, int r1, int r2)
    {
        if (w.EndsWith("ative", StringComparison.Ordinal) && !w.EndsWith("ational", StringComparison.Ordinal))
        {
            var at = w.Length - 5;
            return at >= r2 ? w[..at] : w;
        }

        return ReplaceInRegion(w, Step3Rules, r1, step2: false);
    }

    private static string Step4(string w, int r2)
    {
        foreach (var suffix in Step4Suffixes)
        {
            if (!w.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var at = w.Length - suffix.Length;
            if (at < r2)
            {
                return w;
            }

            if (suffix == "ion" && (at == 0 || w[at - 1] is not ('s' or 't')))
            {
                return w;
            }

            return w[..at];
        }

        return w;
    }

    private static string Step5(string w, int r1, int r2)
    {
        if (w.EndsWith('e'))
        {
            var at = w.Length - 1;
            if (at >= r2 || (at >= r1 && !EndsWithShortSyllable(w[..at])))
            {
                return w[..at];
            }

            return w;
        }

        if (w.EndsWith('l') && w.Length - 1 >= r2 && w.Length >= 2 && w[^2] == 'l')
        {
            return w[..^1];
        }

        return w;
    }
}
