namespace BackendPrep.Core.Grading;

/// <summary>Matches a typed drill answer against a cue's expected moves and suggests an FSRS rating.</summary>
internal static class MoveMatcher
{
    /// <summary>Share of a move's own content words that must appear when it has no concepts (or none matched).</summary>
    private const double OwnWordsShare = 0.6;

    public static MoveMatch Match(IReadOnlyList<ExpectedMove> moves, string answer)
    {
        var text = AnalysedText.Analyse(answer);
        var named = new bool[moves.Count];
        for (var m = 0; m < moves.Count; m++)
        {
            named[m] = Names(moves[m], text);
        }

        return new MoveMatch(named, Rate(named));
    }

    /// <summary>None named: Again; under half: Hard; half or more: Good; all: Easy.</summary>
    public static SuggestedRating Rate(IReadOnlyList<bool> named)
    {
        var count = named.Count(n => n);
        if (count == 0 || named.Count == 0)
        {
            return SuggestedRating.Again;
        }

        if (count == named.Count)
        {
            return SuggestedRating.Easy;
        }

        return count * 2 >= named.Count ? SuggestedRating.Good : SuggestedRating.Hard;
    }

    private static bool Names(ExpectedMove move, AnalysedText text)
    {
        var sentences = new SortedSet<int>();
        foreach (var concept in move.Concepts.Select(CompiledConcept.Compile).OfType<CompiledConcept>())
        {
            ConceptMatcher.MatchSentences(concept, text, sentences);
            if (sentences.Count > 0)
            {
                return true;
            }
        }

        // The move's own words, clause by clause ("Idempotency key per attempt, result stored with it").
        var own = AnalysedText.Analyse(move.Text);
        var stems = own.Sentences
            .SelectMany(s => s.Tokens)
            .Where(t => (t.Flags & TokenFlags.Function) == 0)
            .Select(t => t.Stem)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (stems.Count == 0)
        {
            return false;
        }

        var present = stems.Count(stem => text.Find(stem).Any(o => !Negation.IsNegated(text.Sentences[o.Sentence].Tokens, o.Start, o.End, conceptHasNegator: false)));
        return present >= Math.Ceiling(stems.Count * OwnWordsShare);
    }
}
