namespace BackendPrep.Core.Grading;

/// <summary>
/// The judgement rules of <see cref="Negation"/>: rejections made without a negator in front of the idea, by what is
/// said about it (a dismissal inside or after the match, a relative or referring clause that judges it, a harm verb or
/// cost word in its own predicate, praise undercut by a contrast, a list under a negator).
/// </summary>
internal static partial class Negation
{
    /// <summary>How far into its clause a referring subject may sit ("but for one service that's overkill").</summary>
    private const int ReferringOffset = 4;

    /// <summary>How many filler words may sit between the copula and the judgement ("that's a bit of a headache").</summary>
    private const int ReferringReach = 4;

    /// <summary>
    /// "Cold starts are a non-issue with SnapStart": a dismissal between the matched words dismisses the match, and so
    /// does an unconceded judgement predicated inside it ("structured events mean rewriting logging in every service"
    /// matches "structured logging" across its own predicate).
    /// </summary>
    private static bool IsDismissedWithin(Token[] tokens, int start, int end)
    {
        // A match that spans clauses may take a judgement of something else ("locking all three databases is fragile,
        // so each service commits its own step"), so only a single-clause match is judged from inside.
        var linked = false;
        var oneClause = tokens[start].Clause == tokens[end].Clause;
        for (var i = start + 1; i < end; i++)
        {
            if (IsDismissalAt(tokens, i) || (linked && IsJudgementAt(tokens, i) && !IsConceded(tokens, i)))
            {
                return true;
            }

            linked |= oneClause && Lexicon.Copulas.Contains(tokens[i].Word);
        }

        return false;
    }

    /// <summary>
    /// A clause that refers back to the match and judges it: the next clause ("…, but for one service that's
    /// over-engineering") or, when the match ends its sentence, the next sentence's first clause ("That's overkill.").
    /// </summary>
    private static bool IsReferredToAsDismissed(Token[] tokens, int end, Token[]? next)
    {
        var k = end + 1;
        while (k < tokens.Length && tokens[k].Clause == tokens[end].Clause)
        {
            k++;
        }

        if (k < tokens.Length && (RefersDismissively(tokens, k) || PrefersOtherwise(tokens, k)))
        {
            return true;
        }

        // "I see people recommend expand/contract on cached JSON, writing both fields … Way too much ceremony.": what
        // others propose is judged by the next sentence wherever it sits in its own.
        return (k == tokens.Length || IsAttributed(tokens)) && next is { Length: > 0 } && RefersDismissively(next, 0);
    }

    /// <summary>
    /// Whether the clause starting at <paramref name="first"/> opens (within a few words) with a referring subject
    /// and copula ("that's", "this is", "it seems") followed, after filler words only, by a dismissal or a judgement
    /// of cost not conceded ("though it's expensive") nor answered by a contrast ("that's expensive, but worth it").
    /// </summary>
    private static bool RefersDismissively(Token[] tokens, int first)
    {
        if (RejectsReferent(tokens, first) || IsRejectingInterjection(tokens, first) || OpensWithJudgement(tokens, first) || IsRefusalAfterContrast(tokens, first))
        {
            return true;
        }

        var clause = tokens[first].Clause;
        for (var p = first; p < tokens.Length && p - first <= ReferringOffset && tokens[p].Clause == clause; p++)
        {
            var q = ReferringPredicate(tokens, p);
            if (q < 0)
            {
                continue;
            }

            for (var d = q; d < tokens.Length && d - q <= ReferringReach && tokens[d].Clause == clause; d++)
            {
                if (IsDismissalAt(tokens, d))
                {
                    return true;
                }

                if (IsJudgementAt(tokens, d))
                {
                    return !IsConceded(tokens, d);
                }

                if (!Lexicon.JudgementFillers.Contains(tokens[d].Word))
                {
                    break;
                }
            }

            return false;
        }

        return false;
    }

    /// <summary>
    /// A clause that rejects what the previous one named, by a pronoun that ends it: "…, I'd skip that", "…, we never
    /// needed it", "Nobody uses them." A pronoun followed by more words is a determiner or has its own object ("skip that
    /// check", "we don't need it twice"), and a guarded negator ("if we don't need it") is a hypothetical.
    /// </summary>
    private static bool RejectsReferent(Token[] tokens, int first)
    {
        var clause = tokens[first].Clause;
        var last = first;
        while (last + 1 < tokens.Length && tokens[last + 1].Clause == clause)
        {
            last++;
        }

        if (last - first > ReferringOffset + 2 || !Lexicon.ReferringPronouns.Contains(tokens[last].Word))
        {
            return false;
        }

        for (var n = last - 1; n >= first && last - n <= 3; n--)
        {
            if (!IsActiveNegator(tokens, n))
            {
                continue;
            }

            // "skip that": the negator is the verb; "never needed it", "don't really want it": a negated verb of need.
            if (tokens[n].Word.StartsWith("skip", StringComparison.Ordinal))
            {
                return n == last - 1;
            }

            for (var v = n + 1; v < last; v++)
            {
                if (Lexicon.DismissalStems.Contains(tokens[v].Stem))
                {
                    return true;
                }
            }

            // "…, I wouldn't design around them": a speaker's refusal of anything done with it, unless the refused act
            // removes it ("I wouldn't drop them" keeps it).
            if (tokens[n].NegationReach > Lexicon.PlainReach && !RemovesReferent(tokens, n + 1, last))
            {
                return true;
            }
        }

        return false;
    }

    private static bool RemovesReferent(Token[] tokens, int from, int to)
    {
        for (var v = from; v < to; v++)
        {
            if (Lexicon.RemovalStems.Contains(tokens[v].Stem))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A clause that is only a rejecting interjection: "Scopes, nah, v1 doesn't need them", "A BFF? Meh."</summary>
    private static bool IsRejectingInterjection(Token[] tokens, int first) =>
        Lexicon.RejectingInterjections.Contains(tokens[first].Word)
        && (first + 1 == tokens.Length || tokens[first + 1].Clause != tokens[first].Clause);

    /// <summary>The index after a referring subject and its copula at <paramref name="p"/>, or -1.</summary>
    private static int ReferringPredicate(Token[] tokens, int p)
    {
        var word = tokens[p].Word;
        if (word is "that's" or "thats" or "it's" or "this's")
        {
            return p + 1;
        }

        if (word is not ("that" or "this" or "it") || p + 1 >= tokens.Length || tokens[p + 1].Clause != tokens[p].Clause)
        {
            return -1;
        }

        return Lexicon.Copulas.Contains(tokens[p + 1].Word) ? p + 2 : -1;
    }

    /// <summary>
    /// A judgement of cost or effort ("expensive", "fiddly", "error-prone", "a lot of migration risk"): a dismissal only
    /// when nothing concedes it, since honest trade-off talk uses the same words.
    /// </summary>
    private static bool IsJudgementAt(Token[] tokens, int i)
    {
        var word = tokens[i].Word;
        if (Lexicon.JudgementWords.Contains(word) || IsBurdenPhraseAt(tokens, i))
        {
            return true;
        }

        if (word == "error" && i + 1 < tokens.Length && tokens[i + 1].Word == "prone")
        {
            return true;
        }

        if (!Lexicon.BurdenNouns.Contains(word))
        {
            return false;
        }

        for (var j = i - 1; j >= 0 && i - j <= 3 && tokens[j].Clause == tokens[i].Clause; j--)
        {
            if (Lexicon.BurdenQuantifiers.Contains(tokens[j].Word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A verb of harm at <paramref name="i"/>; "slow" only with its particle in the clause ("slow the whole team down").</summary>
    private static bool IsHarmAt(Token[] tokens, int i)
    {
        var word = tokens[i].Word;
        if (!Lexicon.HarmVerbs.Contains(word))
        {
            return false;
        }

        if (!word.StartsWith("slow", StringComparison.Ordinal))
        {
            return true;
        }

        for (var j = i + 1; j < tokens.Length && j - i <= SlowParticleReach && tokens[j].Clause == tokens[i].Clause; j++)
        {
            if (tokens[j].Word == "down")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a word may still belong to the subject before its verb: a content word that is not a known finite verb, an
    /// article or preposition inside a name, or a modal or adverb ("would just"). A pronoun, auxiliary, negator or verb
    /// ends the subject, so "we add X to stop whatever kills throughput" does not judge X.
    /// </summary>
    private static bool IsSubjectContinuation(Token token)
    {
        if (Lexicon.PredicateLeads.Contains(token.Word) || Lexicon.NameLinks.Contains(token.Word))
        {
            return true;
        }

        return token.NegationReach == 0
            && (token.Flags & TokenFlags.Function) == 0
            && (token.Flags & (TokenFlags.Verb | TokenFlags.Gerund)) != TokenFlags.Verb;
    }

    /// <summary>
    /// Praise at a distance: "sounds nice" / "seems clever" followed later in the sentence by a contrast ("…, but our
    /// proxy strips them"), or any praise followed by "in theory" / "on paper". The speaker grants the appeal and rejects
    /// the thing; plain praise ("the outbox is nice because…") is not a dismissal.
    /// </summary>
    private static bool IsPraisedAtADistance(Token[] tokens, int i)
    {
        if (!Lexicon.PraiseWords.Contains(tokens[i].Word))
        {
            return false;
        }

        var appearance = false;
        for (var j = i - 1; j >= 0 && i - j <= 3 && tokens[j].Clause == tokens[i].Clause; j--)
        {
            appearance |= Lexicon.AppearanceVerbs.Contains(tokens[j].Word);
        }

        for (var j = i + 1; j < tokens.Length; j++)
        {
            if (j + 1 < tokens.Length && j - i <= 3
                && ((tokens[j].Word == "in" && tokens[j + 1].Word == "theory") || (tokens[j].Word == "on" && tokens[j + 1].Word == "paper")))
            {
                return true;
            }

            if (appearance && tokens[j].Word is "but" or "though" or "however" or "yet")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "I'd skip the status page, the S3 links, retries and so on": a list that a negator heads and "and so on" / "etc."
    /// closes is rejected item by item, across its commas. Every word between the negator and the match, and between
    /// the match and the list's end, must be a bare name (no verb, pronoun or other negator), so "no retries, a DLQ
    /// catches poison messages" keeps the DLQ.
    /// </summary>
    private static bool IsListedUnderNegator(Token[] tokens, int start, int end)
    {
        if (!ClosesList(tokens, end))
        {
            return false;
        }

        for (var i = start - 1; i >= 0 && start - i <= ListReach; i--)
        {
            if (tokens[i].NegationReach > 0)
            {
                return IsActiveNegator(tokens, i) && tokens[i].Clause < tokens[start].Clause;
            }

            if (!IsBareListWord(tokens[i]))
            {
                return false;
            }
        }

        return false;
    }

    private const int ListReach = 16;

    /// <summary>How far "down" may follow "slow": "slow the whole on-call team down".</summary>
    private const int SlowParticleReach = 6;

    /// <summary>Whether bare names after the match lead to "and so on", "etc.", "and the like", "and whatnot".</summary>
    private static bool ClosesList(Token[] tokens, int end)
    {
        for (var i = end + 1; i < tokens.Length && i - end <= ListReach; i++)
        {
            var word = tokens[i].Word;
            if (word == "etc" || (word is "and" or "or" && i + 1 < tokens.Length
                && (tokens[i + 1].Word is "whatnot" or "such" or "whatever"
                    || (i + 2 < tokens.Length && ((tokens[i + 1].Word == "so" && tokens[i + 2].Word == "on")
                        || (tokens[i + 1].Word == "the" && tokens[i + 2].Word is "like" or "rest"))))))
            {
                return true;
            }

            if (!IsBareListWord(tokens[i]))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// A word that may sit in a list of names: not a pronoun, auxiliary or negator. A known verb is allowed, since in a
    /// list it is a plural noun ("retries", "alerts", "locks").
    /// </summary>
    private static bool IsBareListWord(Token token) =>
        token.NegationReach == 0
        && (Lexicon.NameLinks.Contains(token.Word) || Lexicon.ListConjunctions.Contains(token.Word) || (token.Flags & TokenFlags.Function) == 0);

    /// <summary>
    /// A cost judgement is conceded when its clause opens with "though"/"although"/"even", or a contrast follows it in the
    /// sentence: "it's expensive, but worth it", "fiddly, though we still do it".
    /// </summary>
    private static bool IsConceded(Token[] tokens, int i)
    {
        for (var j = i - 1; j >= 0 && tokens[j].Clause == tokens[i].Clause; j--)
        {
            // "Though it's expensive", and "worth changing every consumer for": worth before a cost outweighs it.
            if (Lexicon.Concessives.Contains(tokens[j].Word) || tokens[j].Word == "worth")
            {
                return true;
            }
        }

        for (var j = i + 1; j < tokens.Length; j++)
        {
            if (Lexicon.Contrasts.Contains(tokens[j].Word) && (tokens[j].Word != "anyway" || KeepsAnyway(tokens, j)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Anyway" concedes a cost when the speaker goes ahead ("we keep it anyway", "worth doing anyway"), not when it adds
    /// one more reason against ("the old checks are inconsistent anyway", "our egress is small anyway").
    /// </summary>
    private static bool KeepsAnyway(Token[] tokens, int anyway)
    {
        for (var j = anyway - 1; j >= 0 && tokens[j].Clause == tokens[anyway].Clause; j--)
        {
            if (tokens[j].Word is "we" or "i" or "we'd" or "i'd" or "we'll" or "i'll" or "worth" or "it's" or "do" or "keep")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A relative clause at <paramref name="which"/> that judges what it refers to: "…, which our DBAs hate", "which in
    /// practice never happens", "which is overkill".
    /// </summary>
    private static bool RelativeDismisses(Token[] tokens, int which)
    {
        var clause = tokens[which].Clause;
        for (var j = which + 1; j < tokens.Length && j - which <= DismissalReach && tokens[j].Clause == clause; j++)
        {
            if (IsDismissalAt(tokens, j) || Lexicon.DislikeWords.Contains(tokens[j].Word))
            {
                return true;
            }

            // "…, which is unacceptable", "…, which is pointless": the verdict lexicon judges what the relative refers to.
            if (IsJudgementAt(tokens, j) || Lexicon.VerdictWords.Contains(tokens[j].Word) || Lexicon.HarmVerdictWords.Contains(tokens[j].Word))
            {
                return !IsConceded(tokens, j);
            }

            if ((tokens[j].NegationReach > 0 || tokens[j].Word is "rarely" or "seldom")
                && ((j + 1 < tokens.Length && Lexicon.FailedPremiseStems.Contains(tokens[j + 1].Stem))
                    || (j + 2 < tokens.Length && Lexicon.FailedPremiseStems.Contains(tokens[j + 2].Stem))))
            {
                return true;
            }
        }

        return false;
    }
}
