using System.Globalization;
using System.Text;

namespace BackendPrep.Core.Grading;

/// <summary>
/// Makes typed text comparable without changing its case (acronym plurals need it): drops zero-width and control
/// characters, folds compatibility forms and accents, unifies quotes and dashes, and removes markdown decoration.
/// </summary>
internal static class TextNormaliser
{
    public static string Normalise(string text)
    {
        if (IsPlainAscii(text) && !NeedsMarkdownStrip(text))
        {
            return text; // the common case: nothing to fold, nothing to strip
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.Surrogate && c is not ('\n' or '\t'))
            {
                continue; // zero-width space/joiners, BOM, soft hyphen, bidi marks, and lone surrogates
            }

            foreach (var f in CompatibilityFold.Of(c))
            {
                builder.Append(Unify(f));
            }
        }

        StripMarkdown(builder);
        return builder.ToString();
    }

    private static char Unify(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u02BC' or '`' => '\'',
        '\u201C' or '\u201D' => '"',
        '\u2010' or '\u2011' => '-',
        '\u2012' or '\u2013' or '\u2014' or '\u2015' => ',', // a dash between words breaks a clause
        '\u2022' or '\u25CF' or '\u25E6' => ' ',
        _ => c,
    };

    /// <summary>Removes link targets and leading list/heading/quote markers; emphasis marks are ignored by the tokenizer anyway.</summary>
    private static void StripMarkdown(StringBuilder text)
    {
        // [label](url) → [label]: the url is not part of the answer's words.
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] == ']' && text[i + 1] == '(')
            {
                var close = IndexOf(text, ')', i + 2);
                if (close > 0)
                {
                    text.Remove(i + 1, close - i);
                }
            }
        }

        var lead = 0;
        while (lead < text.Length && (char.IsWhiteSpace(text[lead]) || text[lead] is '-' or '*' or '+' or '#' or '>' or '|'))
        {
            lead++;
        }

        // "1. " / "2) " numbering
        var digits = lead;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits > lead && digits + 1 < text.Length && text[digits] is '.' or ')' && char.IsWhiteSpace(text[digits + 1]))
        {
            lead = digits + 1;
        }

        text.Remove(0, lead);
    }

    private static bool IsPlainAscii(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~' || c == '`')
            {
                return false;
            }
        }

        return true;
    }

    private static bool NeedsMarkdownStrip(string text) =>
        text.Contains("](", StringComparison.Ordinal)
        || (text.Length > 0 && (text[0] is ' ' or '-' or '*' or '+' or '#' or '>' or '|' || char.IsAsciiDigit(text[0])));

    private static int IndexOf(StringBuilder text, char c, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == c)
            {
                return i;
            }
        }

        return -1;
    }
}
