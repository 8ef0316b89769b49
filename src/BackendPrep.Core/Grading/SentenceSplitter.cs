namespace BackendPrep.Core.Grading;

/// <summary>
/// Cuts the answer as typed into sentences, keeping each one's original text for evidence.
/// Boundaries: line breaks (so every bullet is its own sentence), ; ! ? and a full stop followed by space.
/// </summary>
internal static class SentenceSplitter
{
    private static readonly string[] Abbreviations = ["e.g", "i.e", "etc", "vs", "approx", "eg", "ie", "cf", "incl", "resp"];

    public static List<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var boundary = c switch
            {
                '\n' or '\r' or ';' or '!' or '?' or '\u2028' or '\u2029' => true,
                '.' or '\u3002' => EndsSentence(text, i),
                _ => false,
            };
            if (boundary)
            {
                Add(sentences, text, start, i + 1);
                start = i + 1;
            }
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static void Add(List<string> sentences, string text, int start, int end)
    {
        var sentence = text[start..end].Trim();
        if (sentence.Length > 0 && sentence.Any(char.IsLetterOrDigit))
        {
            sentences.Add(sentence);
        }
    }

    private static bool StartsLine(string text, int index)
    {
        for (var i = index - 1; i >= 0 && text[i] != '\n'; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool EndsSentence(string text, int dot)
    {
        var next = dot + 1 < text.Length ? text[dot + 1] : ' ';
        if (!char.IsWhiteSpace(next) && next is not ('"' or '\'' or ')' or '*' or '_' or '`' or '\u201D' or '\u2019'))
        {
            return false; // inside a token: "node.js", "99.9", "e.g."
        }

        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetterOrDigit(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        if (word.Length > 0 && word.All(char.IsAsciiDigit) && StartsLine(text, wordStart))
        {
            return false; // "1. Verify the signature": a list number, not a sentence
        }

        foreach (var abbreviation in Abbreviations)
        {
            if (word.Equals(abbreviation, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
