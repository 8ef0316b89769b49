using System.Collections.Frozen;

namespace BackendPrep.Core.Grading;

/// <summary>
/// Decides whether a match is negated: a negator inside the match ("signatures are not verified"), a negator up to
/// its reach before it in the same clause ("we wouldn't bother with a DLQ", "no TTL"), a dismissal inside or after it
/// ("a DLQ isn't needed"), a relative clause that judges it ("…, which ops hate"), or a referring "that's overkill"
/// in the next clause or sentence. A guard word before the negator turns it into an invariant or a hypothetical
/// ("ensure no double charge", "if we don't dedupe…"), which affirms the concept instead.
/// </summary>
internal static partial class Negation
{
    private const int DismissalReach = 8;
    private const int OrReach = 3;

    public static bool IsNegated(Token[] tokens, int start, int end, bool conceptHasNegator, Token[]? next = null)
    {
        // Negators cancel in pairs: "we never skip signature checks" affirms them.
        var negators = 0;
        var nearestNoun = false;
        for (var i = end; i >= start && !conceptHasNegator; i--)
        {
            if (IsActiveNegator(tokens, i))
            {
                negators++;
                nearestNoun = IsNounNegator(tokens[i]);
            }
        }

        // "We wouldn't add retries or circuit breakers": a negation carries across "or" to every listed thing.
        var clause = tokens[start].Clause;
        var alternatives = 0;
        for (var i = start - 1; i >= 0; i--)
        {
            if (tokens[i].Clause != clause)
            {
                // Cross a comma only inside an "or" list: "no retries, backoff or DLQ".
                if (alternatives == 0 || (tokens[i + 1].Flags & TokenFlags.AfterComma) == 0 || tokens[i].Clause != clause - 1)
                {
                    break;
                }

                clause = tokens[i].Clause;
            }

            if (tokens[i].Word is "or" or "nor")
            {
                alternatives += OrReach;
            }

            if (tokens[i].NegationReach + alternatives >= start - i && IsActiveNegator(tokens, i))
            {
                // "No cookies means no CSRF": a determiner "no" negates its own noun, so two of them on different nouns
                // do not cancel; "no engineer skips the check" still does (the inner negator is a verb's).
                var noun = IsNounNegator(tokens[i]);
                if (noun && nearestNoun && negators > 0)
                {
                    continue;
                }

                negators++;
                nearestNoun = noun;
            }
        }

        return negators % 2 == 1
            || (!conceptHasNegator && IsListedUnderNegator(tokens, start, end))
            || IsDismissedWithin(tokens, start, end)
            || IsDismissedAfter(tokens, end)
            || IsReferredToAsDismissed(tokens, end, next)
            || (!conceptHasNegator && IsUnderRejectingHeader(tokens, start))
            || IsSameAsRejected(tokens, start)
            || IsDeferred(tokens, start, end)
            || IsSubjectOfVerdict(tokens, start, end)
            || IsAttributedWithBadConsequence(tokens, end);
    }

    /// <summary>A plain determiner "no" (not "no need", "no point", whose reach is longer): it negates the noun after it.</summary>
    private static bool IsNounNegator(Token token) => token.Word == "no" && token.NegationReach <= Lexicon.PlainReach;

    /// <summary>
    /// Whether a sentence negates or dismisses anything at all. Semantic matching cannot tell which idea a negation
    /// applies to, so such a sentence earns nothing on that path (the lexical path still judges it concept by concept).
    /// </summary>
    public static bool NegatesAnything(Token[] tokens)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (IsActiveNegator(tokens, i) || IsDismissalAt(tokens, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A dismissal word, or the first word of a dismissal phrase, at token <paramref name="i"/>.</summary>
    internal static bool IsDismissalAt(Token[] tokens, int i)
    {
        if (Lexicon.DismissalWords.Contains(tokens[i].Word))
        {
            return true;
        }

        return PhraseStartsAt(tokens, i, Lexicon.DismissalPhrases);
    }

    /// <summary>Whether one of the phrases filed under the word at <paramref name="i"/> starts there, word for word.</summary>
    internal static bool PhraseStartsAt(Token[] tokens, int i, FrozenDictionary<string, string[][]> phrasesByFirstWord)
    {
        if (!phrasesByFirstWord.TryGetValue(tokens[i].Word, out var phrases))
        {
            return false;
        }

        foreach (var phrase in phrases)
        {
            var k = 1;
            while (k < phrase.Length && i + k < tokens.Length && tokens[i + k].Word == phrase[k])
            {
                k++;
            }

            if (k == phrase.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsActiveNegator(Token[] tokens, int i)
    {
        if (tokens[i].NegationReach == 0)
        {
            return false;
        }

        // "Without a DLQ, poison messages block the queue": a sentence-opening "without" argues for the thing.
        if (i == 0 && tokens[i].Word == "without")
        {
            return false;
        }

        for (var j = i - 1; j >= 0 && tokens[j].Clause == tokens[i].Clause; j--)
        {
            if ((tokens[j].Flags & TokenFlags.Guard) != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A dismissal later in the match's clause evaluates the match ("request coalescing is over-engineering for product
    /// pages"), unless a conjunction such as "because" or "which" starts a new subject first: "X is overkill here, so we
    /// do Y" dismisses X, not Y.
    /// </summary>
    private static bool IsDismissedAfter(Token[] tokens, int end)
    {
        var clause = tokens[end].Clause;
        var linked = false;
        var subject = true;
        var reach = DismissalReach;
        for (var i = end + 1; i < tokens.Length && i - end <= reach; i++)
        {
            if (tokens[i].Clause != clause)
            {
                // "X, which our DBAs hate": a relative clause right after the match's clause refers back to it.
                return tokens[i].Word == "which" && RelativeDismisses(tokens, i);
            }

            if (IsDismissalAt(tokens, i))
            {
                return true;
            }

            // "Stream code is fiddly and error-prone": a cost judgement predicated of the match, unless conceded.
            // "Audit logs nobody reads and access notices are security theatre": a coordinated subject puts its
            // predicate further from the first conjunct.
            if (!linked && Lexicon.ListConjunctions.Contains(tokens[i].Word))
            {
                reach += OrReach;
            }

            // "Serializable transactions kill throughput", "MFA would just slow them down": harm as the subject's verb.
            if (subject && IsHarmAt(tokens, i) && !IsConceded(tokens, i))
            {
                return true;
            }

            if (IsPraisedAtADistance(tokens, i))
            {
                return true;
            }

            subject &= IsSubjectContinuation(tokens[i]);
            linked |= Lexicon.Copulas.Contains(tokens[i].Word) || Lexicon.Copulas.Contains(tokens[i].Stem);
            if (linked && IsJudgementAt(tokens, i) && !IsConceded(tokens, i))
            {
                return true;
            }

            if (Lexicon.ScopeBreakers.Contains(tokens[i].Word))
            {
                return tokens[i].Word == "which" && RelativeDismisses(tokens, i);
            }

            if (tokens[i].NegationReach > 0)
            {
                for (var j = i + 1; j < tokens.Length && j - i <= 2; j++)
                {
                    if (Lexicon.DismissalStems.Contains(tokens[j].Stem) || Lexicon.BenefitStems.Contains(tokens[j].Stem))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
