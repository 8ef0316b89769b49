namespace BackendPrep.Core.Grading;

/// <summary>
/// Finds the sentences in which a concept is stated and not negated: all its stems in one sentence, within a
/// window of 2×stems+3 tokens, in any order. In a rubric, a concept of three or more stems also matches with one
/// stem absent from the answer, if at least two of the stems present are the item's own (no other item uses them):
/// "remember the last transaction the user saw" states "last seen id" without the id, and a paraphrase keeps most
/// of an idea's words but rarely all. The item's own stems keep the topic's shared words from earning it alone.
/// </summary>
internal static class ConceptMatcher
{
    /// <summary>Concepts with fewer stems must match whole: two words less one is a single word.</summary>
    private const int PartialMinStems = 3;

    /// <summary>How many of the stems present must be the item's own (all of them, if fewer are present).</summary>
    private const int PartialOwnStems = 2;

    /// <summary>
    /// Adds to <paramref name="sentences"/> every sentence index where the concept matches; with the item's own stems
    /// (<paramref name="ownStems"/>), also where it matches but for one absent stem. Null: whole matches only.
    /// Sentences where it matches but is negated or rejected go to <paramref name="rejected"/>, if given.
    /// </summary>
    public static void MatchSentences(CompiledConcept concept, AnalysedText text, SortedSet<int> sentences, IReadOnlySet<string>? ownStems = null, ISet<int>? rejected = null)
    {
        foreach (var stems in concept.Alternatives)
        {
            MatchAlternative(stems, concept, text, sentences, ownStems, rejected);
        }
    }

    public static int Window(int stemCount) => (2 * stemCount) + 3;

    private static void MatchAlternative(string[] stems, CompiledConcept concept, AnalysedText text, SortedSet<int> sentences, IReadOnlySet<string>? ownStems, ISet<int>? rejected)
    {
        var lists = new IReadOnlyList<Occurrence>[stems.Length];
        var missing = -1;
        for (var k = 0; k < stems.Length; k++)
        {
            lists[k] = text.FindTolerant(stems[k]);
            if (lists[k].Count == 0)
            {
                if (missing >= 0 || ownStems is null || stems.Length < PartialMinStems || stems[k] == AnalysedText.NegatorKey)
                {
                    return;
                }

                missing = k;
            }
        }

        if (missing >= 0)
        {
            stems = [.. stems.Where((_, k) => k != missing)];
            lists = [.. lists.Where((_, k) => k != missing)];
            if (stems.Count(ownStems!.Contains) < Math.Min(PartialOwnStems, stems.Length))
            {
                return;
            }
        }

        var anchor = 0;
        for (var k = 1; k < stems.Length; k++)
        {
            if (lists[k].Count < lists[anchor].Count)
            {
                anchor = k;
            }
        }

        // The window stays the whole concept's: the absent word is usually said in more words ("the last row the user
        // saw" for "last seen id"), so the words present sit further apart than a whole match's would.
        var window = Window(lists.Length + (missing >= 0 ? 1 : 0));
        foreach (var at in lists[anchor])
        {
            if (sentences.Contains(at.Sentence))
            {
                continue;
            }

            var start = at.Start;
            var end = at.End;
            var complete = true;
            for (var k = 0; k < stems.Length && complete; k++)
            {
                if (k == anchor)
                {
                    continue;
                }

                var nearest = Nearest(lists[k], at);
                if (nearest is not { } found)
                {
                    complete = false;
                    break;
                }

                start = Math.Min(start, found.Start);
                end = Math.Max(end, found.End);
            }

            if (complete && end - start + 1 <= window)
            {
                if (!IsNegated(text, at.Sentence, start, end, concept.ContainsNegator))
                {
                    sentences.Add(at.Sentence);
                }
                else
                {
                    rejected?.Add(at.Sentence);
                }
            }
        }
    }

    private static bool IsNegated(AnalysedText text, int sentence, int start, int end, bool conceptHasNegator)
    {
        // The next sentence may refer back to this one's last clause: "We could add a BFF. That's over-engineering."
        var next = sentence + 1 < text.Sentences.Count ? text.Sentences[sentence + 1].Tokens : null;
        return Negation.IsNegated(text.Sentences[sentence].Tokens, start, end, conceptHasNegator, next);
    }

    /// <summary>The occurrence in the anchor's sentence closest to it, or null.</summary>
    private static Occurrence? Nearest(IReadOnlyList<Occurrence> list, Occurrence anchor)
    {
        var low = 0;
        var high = list.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (list[mid].Sentence < anchor.Sentence)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        Occurrence? best = null;
        var bestDistance = int.MaxValue;
        for (var i = low; i < list.Count && list[i].Sentence == anchor.Sentence; i++)
        {
            var distance = Math.Abs(list[i].Start - anchor.Start);
            if (distance < bestDistance)
            {
                best = list[i];
                bestDistance = distance;
            }
        }

        return best;
    }
}
