namespace BackendPrep.Core.Grading;

/// <summary>
/// Stance rules of <see cref="Negation"/>: who rejects what at the level of the clause and sentence, rather than a
/// word next to the idea. A header that rejects what its colon introduces, a verbless clause that judges what came
/// before, "same with X" carrying a rejection, a concession answered by a bare refusal, a deferral, a proposal
/// attributed to others, and a preference for something else.
/// </summary>
internal static partial class Negation
{
    /// <summary>How far after its colon a header's rejection reaches ("Things I wouldn't bother with: the … pattern").</summary>
    private const int HeaderReach = 12;

    /// <summary>
    /// "Things I wouldn't bother with: X", "What I wouldn't do: split the state": a clause that ends in a colon and
    /// holds a far-reaching negator (of stance, refusal or need) rejects what the colon introduces. Headers that explain
    /// ("Why it doesn't matter: …", "How we never lose a message: …") introduce a reason, not a rejected thing.
    /// </summary>
    private static bool IsUnderRejectingHeader(Token[] tokens, int start)
    {
        var colon = start;
        while (colon > 0 && (tokens[colon].Flags & TokenFlags.AfterColon) == 0)
        {
            colon--;
        }

        if (colon == 0 || start - colon > HeaderReach)
        {
            return false;
        }

        var header = tokens[colon - 1].Clause;
        var first = colon - 1;
        while (first > 0 && tokens[first - 1].Clause == header)
        {
            first--;
        }

        if (tokens[first].Word is "why" or "how" or "because")
        {
            return false;
        }

        for (var i = first; i < colon; i++)
        {
            if (tokens[i].NegationReach > Lexicon.PlainReach && IsActiveNegator(tokens, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A clause with no subject of its own that opens with a judgement refers to what came before: "…, a lot of work for
    /// an edge case", "Way too much ceremony for a cache.", "…, total overkill", "…, no thanks". Only filler words may
    /// come first, so a clause that has its own subject ("a lot of teams do") is not one.
    /// </summary>
    private static bool OpensWithJudgement(Token[] tokens, int first)
    {
        var clause = tokens[first].Clause;
        for (var d = first; d < tokens.Length && d - first <= ReferringReach && tokens[d].Clause == clause; d++)
        {
            if (IsDismissalAt(tokens, d))
            {
                return true;
            }

            if (IsJudgementAt(tokens, d))
            {
                return !IsConceded(tokens, d);
            }

            if (!Lexicon.JudgementFillers.Contains(tokens[d].Word) && tokens[d].Word is not ("way" or "too" or "far" or "yet"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// "Same with rebalances, I wouldn't write special handling", "Same with X: it makes Y a lot more complicated for
    /// little gain": "same with/for" carries the speaker's previous stance to X, and a rejection later in the sentence
    /// confirms it is a rejection being carried. "Same with retries: bounded, with backoff" keeps its credit.
    /// </summary>
    private static bool IsSameAsRejected(Token[] tokens, int start)
    {
        // The sentence opens "Same with/for …", and only names lie between that and the match (the topic may run across
        // commas: "Same with splitting the catalogue into versioned, immutable files: …").
        if (start < 2 || tokens[0].Word != "same" || tokens[1].Word is not ("with" or "for" or "goes"))
        {
            return false;
        }

        for (var i = 2; i < start; i++)
        {
            if (!IsBareListWord(tokens[i]) || (tokens[i].Flags & TokenFlags.AfterColon) != 0)
            {
                return false;
            }
        }

        var clause = tokens[start].Clause;
        for (var i = start + 1; i < tokens.Length; i++)
        {
            if (tokens[i].Clause != clause && (IsActiveNegator(tokens, i) || IsDismissalAt(tokens, i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many words a refusal after a contrast may have ("but we honestly won't bother with it").</summary>
    private const int RefusalWords = 8;

    /// <summary>
    /// A concession answered by a bare refusal: "X would be nice, but we won't", "a DLQ is fine, but not for us", "X is
    /// a good idea. But not yet.", "X is the finance team's job, not ours." The refusal clause opens with a contrast and has a negator and nothing else to negate:
    /// only function words, verbs of need, or a restriction of time or scope ("not yet", "not for us", "not at our
    /// scale"). "But never more than three times" or "but not for every error" negate their own words instead.
    /// </summary>
    private static bool IsRefusalAfterContrast(Token[] tokens, int first)
    {
        // A clause that opens with its negator needs no contrast word: "…, not ours", "…, not for us".
        var negator = tokens[first].Word is "not" or "never" && IsActiveNegator(tokens, first) ? first : -1;
        if (negator < 0 && tokens[first].Word is not ("but" or "though" or "however" or "yet"))
        {
            return false;
        }

        var clause = tokens[first].Clause;
        var bare = true;
        var last = first;
        for (var i = first + 1; i < tokens.Length && tokens[i].Clause == clause; i++)
        {
            last = i;
            if (negator < 0 && IsActiveNegator(tokens, i))
            {
                negator = i;
            }
            else if ((tokens[i].Flags & TokenFlags.Function) == 0 && !Lexicon.DismissalStems.Contains(tokens[i].Stem)
                && !Lexicon.RefusalFillers.Contains(tokens[i].Word))
            {
                bare = false;
            }
        }

        if (negator < 0 || last - first > RefusalWords)
        {
            return false;
        }

        return bare || IsRestriction(tokens, negator + 1);
    }

    /// <summary>"(not) yet", "(not) now", "(not) for us", "(not) at our scale", "(not) until we have customers".</summary>
    private static bool IsRestriction(Token[] tokens, int i)
    {
        if (i >= tokens.Length)
        {
            return false;
        }

        var next = i + 1 < tokens.Length ? tokens[i + 1].Word : "";
        return tokens[i].Word switch
        {
            "yet" or "now" or "here" or "today" or "until" => true,
            "for" => next is "us" or "now" or "v1" or "our" or "me" or "a" or "this",
            "at" => next is "our" or "this",
            "in" => next is "v1" or "our" or "this",
            _ => false,
        };
    }

    /// <summary>
    /// A deferral: "we could add a DLQ later", "we can always add tracing down the road", "X can wait". A possibility
    /// ("can", "could", "might") before the match and a time that is not now after it, in one clause, put the idea off
    /// rather than propose it. A plan's step ("then drop the old column later") has no such modal.
    /// </summary>
    private static bool IsDeferred(Token[] tokens, int start, int end)
    {
        // The modal must be the main clause's: in a purpose or relative clause ("so ops can replay them later", "where
        // we can inspect them later") it states what the proposal makes possible.
        var clause = tokens[start].Clause;
        var possible = false;
        for (var i = start - 1; i >= 0 && tokens[i].Clause == clause; i--)
        {
            if (possible && (Lexicon.ScopeBreakers.Contains(tokens[i].Word) || tokens[i].Word is "that" or "to"))
            {
                return false;
            }

            possible |= tokens[i].Word is "can" or "could" or "might" or "may";
        }

        for (var i = end + 1; i < tokens.Length && tokens[i].Clause == clause; i++)
        {
            var word = tokens[i].Word;
            var next = i + 1 < tokens.Length && tokens[i + 1].Clause == clause ? tokens[i + 1].Word : "";
            if (word is "can" && next == "wait")
            {
                return true;
            }

            if (possible && (word is "later" or "eventually" or "someday" || (word == "down" && next == "the")
                || (word == "one" && next == "day") || (word == "if" && next is "we" or "it" && i + 2 < tokens.Length && tokens[i + 2].Word == "ever")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How far into a sentence its attribution may sit ("I see people recommend …").</summary>
    private const int AttributionOffset = 6;

    /// <summary>
    /// A sentence that reports what others propose: a third party and a verb of advice in its opening words ("I see
    /// people recommend X", "Some teams add X", "Everyone says X"). The speaker has not proposed X yet; what follows decides.
    /// </summary>
    private static bool IsAttributed(Token[] tokens)
    {
        var party = false;
        for (var i = 0; i < tokens.Length && i <= AttributionOffset; i++)
        {
            if (party && Lexicon.AdviceVerbs.Contains(tokens[i].Word))
            {
                return true;
            }

            party |= Lexicon.ThirdParties.Contains(tokens[i].Word);
        }

        return false;
    }

    /// <summary>
    /// "X just hides bugs, I'd rather the pods crash loudly": a next clause in which the speaker prefers something else
    /// rejects X. A comparison that keeps X in view ("I'd rather replay by hand than lose orders") or the idiom "rather
    /// be safe" does not.
    /// </summary>
    private static bool PrefersOtherwise(Token[] tokens, int first)
    {
        var clause = tokens[first].Clause;
        var p = first;
        if (p < tokens.Length && tokens[p].Word is "i" or "we" && p + 1 < tokens.Length && tokens[p + 1].Word == "would")
        {
            p++;
        }
        else if (tokens[p].Word is not ("i'd" or "we'd" or "id"))
        {
            return false;
        }

        if (p + 1 >= tokens.Length || tokens[p + 1].Word is not ("rather" or "prefer") || tokens[p + 1].Clause != clause)
        {
            return false;
        }

        for (var i = p + 2; i < tokens.Length && tokens[i].Clause == clause; i++)
        {
            if (tokens[i].Word is "than" or "safe")
            {
                return false;
            }
        }

        return true;
    }
}
