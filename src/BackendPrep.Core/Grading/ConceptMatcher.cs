namespace BackendPrep.Core.Grading;

/// <summary>
/// Finds the sentences in which a concept is stated and not negated: all its stems in one sentence, within a
/// window of 2×stems+3 tokens, in any order.
/// </summary>
internal static class ConceptMatcher
{
    /// <summary>Adds to <paramref name="sentences"/> every sentence index where the concept matches.</summary>
    public static void MatchSentences(CompiledConcept concept, AnalysedText text, SortedSet<int> sentences)
    {
        foreach (var stems in concept.Alternatives)
        {
            MatchAlternative(stems, concept, text, sentences);
        }
    }

    public static int Window(int stemCount) => (2 * stemCount) + 3;

    private static void MatchAlternative(string[] stems, CompiledConcept concept, AnalysedText text, SortedSet<int> sentences)
    {
        var lists = new IReadOnlyList<Occurrence>[stems.Length];
        var anchor = 0;
        for (var k = 0; k < stems.Length; k++)
        {
            lists[k] = text.FindTolerant(stems[k]);
            if (lists[k].Count == 0)
            {
                return;
            }

            if (lists[k].Count < lists[anchor].Count)
            {
                anchor = k;
            }
        }

        var window = Window(stems.Length);
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

            if (complete && end - start + 1 <= window && !Negation.IsNegated(text.Sentences[at.Sentence].Tokens, start, end, concept.ContainsNegator))
            {
                sentences.Add(at.Sentence);
            }
        }
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
