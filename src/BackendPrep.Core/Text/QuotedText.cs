using System.Globalization;
using System.Text;

namespace BackendPrep.Core.Text;

/// <summary>
/// Makes text a user typed safe to echo inside our messages: one line, no invisible characters, no mentions
/// (@everyone, @here, &lt;@id&gt;) and no markdown that could break out of the quote. Discord also sends these replies
/// with mentions disabled; this keeps them from even looking like pings.
/// </summary>
public static class QuotedText
{
    public const int DefaultLimit = 200;

    /// <summary>Characters Discord markdown gives meaning to; escaped with a backslash.</summary>
    private const string Markdown = "\\*_~`|>#[]<";

    public static string Quote(string text, int limit = DefaultLimit) => $"“{Inert(text, limit)}”";

    public static string Inert(string text, int limit = DefaultLimit)
    {
        var flat = new StringBuilder(Math.Min(text.Length, limit + 1));
        var lastWasSpace = true;
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format)
            {
                continue; // zero-width spaces and joiners, bidi overrides, BOM
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace)
                {
                    flat.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            // A fullwidth at sign reads the same and can never form a mention.
            flat.Append(c == '@' ? '＠' : c);
            lastWasSpace = false;
            if (flat.Length > limit)
            {
                break;
            }
        }

        var plain = flat.ToString().Trim();
        if (plain.Length > limit)
        {
            var cut = plain.LastIndexOf(' ', limit - 1);
            var end = cut > limit / 2 ? cut : limit - 1;
            if (char.IsHighSurrogate(plain[end - 1]))
            {
                end--; // never split an emoji's surrogate pair
            }

            plain = plain[..end].TrimEnd() + "…";
        }

        var escaped = new StringBuilder(plain.Length + 8);
        foreach (var c in plain)
        {
            if (Markdown.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
