namespace BackendPrep.Core.Grading;

/// <summary>
/// The verdict rule of <see cref="Negation"/>: an idea as the subject of a clause whose predicate, read as a whole,
/// judges it ("Trimming payloads is micro-optimisation", "X would just mean maintaining v1 forever", "X doesn't work",
/// "X would create drift", "X is already easy"). Only the predicate's head counts, so a proposal whose object holds a
/// bad word ("X prevents slow deploys", "X removes the overhead") keeps its credit.
/// </summary>
internal static partial class Negation
{
    /// <summary>How many words may lie between the match and its clause's verb ("… from the management plugin already exist").</summary>
    private const int SubjectTail = 10;

    /// <summary>How many words of a complement or object are read as its head ("is also payload overhead").</summary>
    private const int HeadWords = 4;

    private static bool IsSubjectOfVerdict(Token[] tokens, int start, int end)
    {
        var clause = tokens[start].Clause;
        var opening = start;
        while (opening > 0 && tokens[opening - 1].Clause == clause)
        {
            opening--;
        }

        // Once a gerund or article has opened a noun phrase, a word that reads as a verb is a noun in it ("adding trace
        // headers", "the queue depth"); at the clause's start it is an imperative or a finite verb.
        var opened = false;
        for (var i = opening; i < start; i++)
        {
            if (!IsLeadingSubjectWord(tokens[i]) && !(opened && IsContentWord(tokens[i])))
            {
                return false;
            }

            opened |= (tokens[i].Flags & TokenFlags.Gerund) != 0 || tokens[i].Word is "a" or "an" or "the";
        }

        // Walk to the clause's verb, past the rest of the subject and any modal or adverb before the verb.
        bool modal = false, dismissive = false, already = false, lead = false;
        var v = start + 1;
        for (; v < tokens.Length && v - end <= SubjectTail && tokens[v].Clause == clause; v++)
        {
            // Content words are the subject's, even those that read as verbs ("dead letter queue", "to every consumer"):
            // the verdicts read here follow a copula, a negator or a modal, which are function words.
            var word = tokens[v].Word;
            if (v <= end && IsContentWord(tokens[v]))
            {
                continue;
            }

            if (word is "would" or "will" or "could" or "might" or "can" or "may" or "should")
            {
                modal = lead = true;
            }
            else if (word is "just" or "merely")
            {
                dismissive = lead = true;
            }
            else if (Lexicon.VerdictAdverbs.Contains(word))
            {
                already |= word == "already";
                lead = true;
            }
            else if (lead || !(IsLeadingSubjectWord(tokens[v]) || IsContentWord(tokens[v])))
            {
                break;
            }
        }

        if (v >= tokens.Length || tokens[v].Clause != clause || RunsIntoNewStatement(tokens, v, end))
        {
            return false;
        }

        // Harm words also describe problems ("module state is dangerous"), so they judge only a proposal: an action
        // (a gerund) or a hypothetical ("would be risky").
        var first = opening;
        while (first < start && tokens[first].Word is "a" or "an" or "the" or "and" or "also")
        {
            first++;
        }

        var proposal = modal || (tokens[first].Flags & TokenFlags.Gerund) != 0;
        var verdict = PredicateVerdict(tokens, v, modal, dismissive, already, proposal);
        return verdict >= 0 && !IsConceded(tokens, verdict);
    }

    /// <summary>A word before the match that still belongs to a subject: a name, article, preposition, determiner or gerund.</summary>
    private static bool IsLeadingSubjectWord(Token token) =>
        Lexicon.NameLinks.Contains(token.Word)
        || token.Word is "and" or "or" or "every" or "each" or "any" or "all" or "some" or "our" or "their" or "these" or "those" or "also"
        || (token.NegationReach == 0 && (token.Flags & TokenFlags.Function) == 0
            && (token.Flags & (TokenFlags.Verb | TokenFlags.Gerund)) != TokenFlags.Verb);

    /// <summary>The index of the word that makes the predicate at <paramref name="v"/> a verdict on its subject, or -1.</summary>
    private static int PredicateVerdict(Token[] tokens, int v, bool modal, bool dismissive, bool already, bool proposal)
    {
        var word = tokens[v].Word;
        var negated = tokens[v].NegationReach > 0;
        var next = v + 1;
        if (negated || word == "not")
        {
            // "X doesn't work", "X won't really help", "X isn't worth it".
            while (next < tokens.Length && tokens[next].Clause == tokens[v].Clause && Lexicon.VerdictAdverbs.Contains(tokens[next].Word))
            {
                next++;
            }

            if (next < tokens.Length && Lexicon.EffectStems.Contains(tokens[next].Stem))
            {
                return next;
            }

            if (next < tokens.Length && tokens[next].Word is "be" or "a" or "an" or "the" or "really" || IsCopulaWord(word))
            {
                return ComplementVerdict(tokens, next, negated: true, already, proposal);
            }

            return -1;
        }

        if (IsCopulaWord(word) || (modal && word == "be"))
        {
            // "would be" / "is not": a negation after the copula denies the complement's merit.
            var notAfter = next < tokens.Length && tokens[next].Word is "not" or "never";
            return ComplementVerdict(tokens, notAfter ? next + 1 : next, notAfter, already, proposal);
        }

        if (already && (tokens[v].Stem == "exist") && SaysNoNeed(tokens))
        {
            return v;
        }

        if (dismissive && Lexicon.DismissiveVerbs.Contains(tokens[v].Stem))
        {
            // "would just move the problem": a verb of displacement needs the problem as its object; "make" and the
            // burden verbs need their bad result ("would just make deploys slower").
            if (Lexicon.DisplacementStems.Contains(tokens[v].Stem))
            {
                return ObjectNames(tokens, v + 1, Lexicon.ProblemNouns);
            }

            return tokens[v].Stem is "make" or "add" or "creat" or "caus" ? ObjectVerdict(tokens, v + 1) : v;
        }

        // Without "just", only a hypothetical judges by its result: "X would create drift". "Slow clients make it
        // worse" or "retries add load" state a cause or a trade-off.
        if (modal && (word == "make" || Lexicon.BurdenVerbs.Contains(word)))
        {
            return ObjectVerdict(tokens, v + 1);
        }

        return -1;
    }

    private static bool IsCopulaWord(string word) =>
        word is "is" or "are" or "was" or "were" or "isn't" or "aren't" or "wasn't" or "seems" or "seem" or "sounds"
            or "sound" or "feels" or "feel" or "looks" or "look" or "becomes" or "become" or "remains" or "remain"
            or "becomes" or "be";

    /// <summary>The verdict at the head of a copula's complement: "is a rabbit hole", "is already easy", "isn't a good use".</summary>
    private static int ComplementVerdict(Token[] tokens, int from, bool negated, bool already, bool proposal)
    {
        var clause = from < tokens.Length ? tokens[from].Clause : -1;
        var head = 0;
        for (var i = from; i < tokens.Length && tokens[i].Clause == clause && head < HeadWords; i++)
        {
            var word = tokens[i].Word;
            if (IsVerdictPhraseAt(tokens, i) || (!negated && (Lexicon.VerdictWords.Contains(word) || (proposal && Lexicon.HarmVerdictWords.Contains(word)) || IsDismissalAt(tokens, i) || IsJudgementAt(tokens, i))))
            {
                return negated && !IsVerdictPhraseAt(tokens, i) ? -1 : i;
            }

            if (negated && Lexicon.MeritWords.Contains(word))
            {
                return i;
            }

            if (already && Lexicon.SettledWords.Contains(word))
            {
                return i;
            }

            already |= word == "already";
            if (Lexicon.JudgementFillers.Contains(word) || Lexicon.VerdictAdverbs.Contains(word))
            {
                continue;
            }

            // The head ends where the complement's own object or modifier starts: "a way to prevent slow deploys".
            if ((tokens[i].Flags & TokenFlags.Function) != 0 || (tokens[i].Flags & TokenFlags.Gerund) != 0 || word is "than" or "how")
            {
                return -1;
            }

            head++;
        }

        return -1;
    }

    /// <summary>A burden or bad result as the object of a verb: "would create drift and more work", "makes deploys slower".</summary>
    private static int ObjectVerdict(Token[] tokens, int from)
    {
        var clause = from < tokens.Length ? tokens[from].Clause : -1;
        for (var i = from; i < tokens.Length && tokens[i].Clause == clause && i - from < HeadWords + 1; i++)
        {
            var word = tokens[i].Word;
            // "would mean all partners have to change their integration": a change forced on everyone.
            if (Lexicon.VerdictBurdens.Contains(word) || Lexicon.VerdictComparatives.Contains(word) || IsJudgementAt(tokens, i)
                || (word is "all" or "every" or "everyone" or "everybody" && ForcesChange(tokens, i)))
            {
                return i;
            }

            if (word is "to" or "that" or "which" or "so" or "by" or "for" or "than" || Lexicon.ScopeBreakers.Contains(word))
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool IsVerdictPhraseAt(Token[] tokens, int i) => PhraseStartsAt(tokens, i, Lexicon.VerdictPhrases);

    /// <summary>"…, no need for more", "…, that's enough": the sentence says nothing more is needed.</summary>
    private static bool SaysNoNeed(Token[] tokens)
    {
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            if ((tokens[i].Word == "no" && tokens[i + 1].Word == "need") || tokens[i].Word == "enough")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Some people would shard the counter, but then the number jumps around, which is unacceptable": what others
    /// propose, answered in the same sentence by "but then" and a bad result, is rejected. The speaker's own trade-off
    /// ("we'd shard it, but then reads sum the rows") is not: the proposal must be attributed to someone else.
    /// </summary>
    private static bool IsAttributedWithBadConsequence(Token[] tokens, int end)
    {
        var party = false;
        for (var i = 0; i < tokens.Length && i <= AttributionOffset; i++)
        {
            party |= Lexicon.ThirdParties.Contains(tokens[i].Word);
        }

        if (!party)
        {
            return false;
        }

        var then = -1;
        for (var i = end + 1; i < tokens.Length; i++)
        {
            if (then < 0 && tokens[i].Word == "but" && i + 1 < tokens.Length && tokens[i + 1].Word == "then")
            {
                then = i;
            }
            else if (then >= 0 && (Lexicon.VerdictWords.Contains(tokens[i].Word) || Lexicon.HarmVerdictWords.Contains(tokens[i].Word)
                || IsVerdictPhraseAt(tokens, i) || IsDismissalAt(tokens, i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether one of <paramref name="names"/> is the object after <paramref name="from"/>: "move the problem".</summary>
    private static int ObjectNames(Token[] tokens, int from, IReadOnlySet<string> names)
    {
        for (var i = from; i < tokens.Length && tokens[i].Clause == tokens[from].Clause && i - from <= HeadWords; i++)
        {
            if (names.Contains(tokens[i].Word))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>"all partners have to change", "everyone must migrate": a change forced on everyone, a few words on.</summary>
    private static bool ForcesChange(Token[] tokens, int quantifier)
    {
        for (var i = quantifier + 1; i < tokens.Length && i - quantifier <= HeadWords && tokens[i].Clause == tokens[quantifier].Clause; i++)
        {
            if (Lexicon.ForcedChangeStems.Contains(tokens[i].Stem))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A match may run past its subject's verb into a clause that restates it ("Rollback is already easy, the engineer
    /// can just edit the value back"), but not into a consequence, reason or contrast, which is a statement of its own:
    /// "trying to lock all three databases is fragile, so each service commits its own piece" proposes the second part.
    /// </summary>
    private static bool RunsIntoNewStatement(Token[] tokens, int verb, int end)
    {
        for (var i = verb; i <= end; i++)
        {
            if (Lexicon.ScopeBreakers.Contains(tokens[i].Word) || Lexicon.ClauseBreakers.Contains(tokens[i].Word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsContentWord(Token token) => (token.Flags & TokenFlags.Function) == 0 && token.NegationReach == 0;
}
