using System.Globalization;
using System.Text;

namespace BackendPrep.Bot.Features.Prompts;

/// <summary>An answer as submitted, made fit to grade and store: invisible characters dropped, capped at the form's limit.</summary>
internal static class AnswerText
{
    /// <summary>Discord's paragraph input limit; a forged or console submission longer than this is cut, not refused.</summary>
    public const int MaxLength = 4000;

    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        foreach (var c in text.ReplaceLineEndings("\n"))
        {
            var category = char.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format || (category == UnicodeCategory.Control && c is not ('\n' or '\t')))
            {
                continue;
            }

            builder.Append(c);
            if (builder.Length == MaxLength)
            {
                break;
            }
        }

        return builder.ToString().Trim();
    }
}
