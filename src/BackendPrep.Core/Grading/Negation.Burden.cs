namespace BackendPrep.Core.Grading;

/// <summary>
/// Judgements of burden that take a phrase rather than a word, for <see cref="Negation"/>'s judgement rules.
/// </summary>
internal static partial class Negation
{
    /// <summary>
    /// Judgements of burden that take a phrase: "one more server to babysit", "another hop to run", "yet another layer
    /// that can hold a stale price", and a change made everywhere ("means rewriting logging across every service",
    /// "changing every producer"), or "a single point of failure". Like the single words, they count only unconceded.
    /// </summary>
    private static bool IsBurdenPhraseAt(Token[] tokens, int i)
    {
        var word = tokens[i].Word;
        if (word == "another" || (word == "one" && i + 1 < tokens.Length && tokens[i + 1].Word == "more"))
        {
            // The burden is something to keep up or that can go wrong: "to babysit", "that can hold a stale price".
            // "One more reason to sleep well" or "another layer that stops forged events" is praise.
            for (var j = i + 2; j + 1 < tokens.Length && j - i <= 4 && tokens[j].Clause == tokens[i].Clause; j++)
            {
                if (tokens[j].Word == "to")
                {
                    return Lexicon.UpkeepStems.Contains(tokens[j + 1].Stem);
                }

                if (tokens[j].Word == "that" && tokens[j + 1].Word is "can" or "could" or "might" or "will")
                {
                    return j + 2 < tokens.Length && Lexicon.GoingWrongStems.Contains(tokens[j + 2].Stem);
                }
            }

            return false;
        }

        if (word == "single" && i + 2 < tokens.Length && tokens[i + 1].Word == "point" && tokens[i + 2].Word == "of")
        {
            return true;
        }

        if (!Lexicon.ChangeGerunds.Contains(word))
        {
            return false;
        }

        for (var j = i + 1; j < tokens.Length && j - i <= 4 && tokens[j].Clause == tokens[i].Clause; j++)
        {
            if (tokens[j].Word is "every" or "all" or "each" or "everything")
            {
                return true;
            }
        }

        return false;
    }
}
