namespace BackendPrep.Core.Grading;

/// <summary>
/// One concept phrase compiled to stems: its content words (function words dropped, negators kept: "must never"),
/// plus alternatives with adjacent words joined ("back pressure" also as "backpressure").
/// </summary>
internal sealed class CompiledConcept
{
    private CompiledConcept(string phrase, string[][] alternatives, bool containsNegator)
    {
        Phrase = phrase;
        Alternatives = alternatives;
        ContainsNegator = containsNegator;
    }

    public string Phrase { get; }

    public string[][] Alternatives { get; }

    /// <summary>
    /// The concept states a prohibition itself ("no double charge", "must never"): its negator matches any negator
    /// in the answer ("never charged double") and does not cancel the match.
    /// </summary>
    public bool ContainsNegator { get; }

    public static CompiledConcept? Compile(string phrase)
    {
        var tokens = Tokenizer.Tokenize(TextNormaliser.Normalise(phrase));
        if (tokens.Length == 0)
        {
            return null;
        }

        var content = tokens.Where(t => t.NegationReach > 0 || !Lexicon.StopWords.Contains(t.Word)).ToArray();
        if (content.All(t => t.NegationReach > 0))
        {
            content = tokens; // "must never": a bare negator would match every refusal
        }

        var main = content.Select(KeyOf).Distinct(StringComparer.Ordinal).ToArray();
        var alternatives = new List<string[]> { main };
        for (var i = 0; i + 1 < content.Length && alternatives.Count < 4; i++)
        {
            if ((content[i].Flags & content[i + 1].Flags & TokenFlags.Plain) == 0)
            {
                continue;
            }

            var joined = Lexicon.StemOf(content[i].Word + content[i + 1].Word);
            var alternative = content.Take(i).Select(KeyOf)
                .Append(joined)
                .Concat(content.Skip(i + 2).Select(KeyOf))
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            alternatives.Add(alternative);
        }

        return new CompiledConcept(phrase, [.. alternatives], content.Any(t => t.NegationReach > 0));
    }

    private static string KeyOf(Token token) => token.NegationReach > 0 ? AnalysedText.NegatorKey : token.Stem;
}
