namespace BackendPrep.Core.Grading;

/// <summary>
/// Splits one normalised sentence into tokens. A word is a run of letters and digits joined by inner - / _ ' . +;
/// "at-least-once", "read/write" and "event_id" become their parts (each a token), while "p99", "5xx", "don't" and
/// "node.js" stay whole. Commas, colons, brackets and words like "but" start a new clause.
/// </summary>
internal static class Tokenizer
{
    private const int LongReach = 7;
    private const int ClauseReach = 24;
    private static readonly System.Buffers.SearchValues<char> AsciiLower = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz");
    private static readonly System.Buffers.SearchValues<char> UpperOrDigit = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    public static Token[] Tokenize(string sentence)
    {
        var tokens = new List<Token>();
        var clause = 0;
        var afterComma = false;
        var afterColon = -1;
        var openQuote = false;
        var i = 0;
        while (i < sentence.Length)
        {
            var c = sentence[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (c == '%')
                {
                    AddWord(tokens, "percent", ref clause, afterComma); // "3%" reads as "3 percent"
                    afterComma = false;
                }

                // A closing quote does not end the clause: the quoted words are a name the sentence goes on to judge
                // ("'One wide event per request' means rewriting every service").
                var closingQuote = c == '"' && openQuote;
                openQuote ^= c == '"';
                if ((c is ',' or ':' or '(' or ')' or '[' or ']' or '"' || (c == '-' && IsSpacedDash(sentence, i))) && !closingQuote)
                {
                    clause++;
                    afterComma = c == ',';
                }

                if (c == ':')
                {
                    afterColon = tokens.Count;
                }

                i++;
                continue;
            }

            MarkAfterColon(tokens, ref afterColon);
            var start = i;
            while (i < sentence.Length && (char.IsLetterOrDigit(sentence[i]) || IsInnerJoiner(sentence, i)))
            {
                i++;
            }

            var word = sentence[start..i];
            if (word.AsSpan().IndexOfAny("-/_") < 0)
            {
                AddWord(tokens, word, ref clause, afterComma);
                afterComma = false;
                continue;
            }

            var first = tokens.Count;
            foreach (var part in word.Split(['-', '/', '_'], StringSplitOptions.RemoveEmptyEntries))
            {
                AddWord(tokens, part, ref clause, afterComma);
                afterComma = false;
            }

            MarkParts(tokens, first);
        }

        MarkAfterColon(tokens, ref afterColon);
        AdjustNegatorReach(tokens);
        return [.. tokens];
    }

    /// <summary>Flags the first word after a colon once it has been added (<paramref name="index"/> -1: none pending).</summary>
    private static void MarkAfterColon(List<Token> tokens, ref int index)
    {
        if (index >= 0 && index < tokens.Count)
        {
            tokens[index] = tokens[index] with { Flags = tokens[index].Flags | TokenFlags.AfterColon };
            index = -1;
        }
    }

    private static bool IsInnerJoiner(string s, int i) =>
        s[i] is '-' or '/' or '_' or '\'' or '.' or '+'
        && i > 0 && char.IsLetterOrDigit(s[i - 1])
        && i + 1 < s.Length && char.IsLetterOrDigit(s[i + 1]);

    private static bool IsSpacedDash(string s, int i) =>
        i > 0 && i + 1 < s.Length && char.IsWhiteSpace(s[i - 1]) && char.IsWhiteSpace(s[i + 1]);

    private static void AddWord(List<Token> tokens, string raw, ref int clause, bool afterComma)
    {
        // "maxUnavailable", "readinessProbe": identifiers typed in answers are their words (adjacent words are also
        // indexed joined, so "maxunavailable" still matches).
        if (CamelCaseSplit(raw) is { } parts)
        {
            var first = tokens.Count;
            foreach (var part in parts)
            {
                AddWord(tokens, part, ref clause, afterComma);
                afterComma = false;
            }

            MarkParts(tokens, first);
            return;
        }

        if (Lexicon.Abbreviations.TryGetValue(raw.ToLowerInvariant(), out var expansion))
        {
            var first = tokens.Count;
            foreach (var part in expansion)
            {
                AddWord(tokens, part, ref clause, afterComma);
                afterComma = false;
            }

            if (expansion.Length > 1)
            {
                MarkParts(tokens, first);
            }

            return;
        }

        var word = raw.ToLowerInvariant();
        if (IsAcronymPlural(raw))
        {
            word = word[..^1]; // "DLQs" → "dlq", "SLOs" → "slo"
        }

        var bare = word.Contains('\'', StringComparison.Ordinal) ? word.Replace("'", "", StringComparison.Ordinal) : word;
        if (Lexicon.ClauseBreakers.Contains(bare) || (bare == "then" && tokens.Count > 0 && tokens[^1].Word == "and"))
        {
            clause++;
            afterComma = false;
        }

        var reach = Lexicon.Negators.GetValueOrDefault(bare);
        if (reach == 0 && word.EndsWith("n't", StringComparison.Ordinal))
        {
            reach = 4;
        }

        if (tokens.Count > 0 && IsContrastThan(tokens[^1].Word, bare))
        {
            reach = 3; // "instead of X", "rather than X", "simpler than X"; widened in AdjustNegatorReach
        }

        if (tokens.Count > 0 && bare == "convinced" && tokens[^1].Word == "less")
        {
            reach = 4; // "less convinced about X" doubts X ("not convinced" already negates through "not")
        }

        var stem = Lexicon.StemOf(word);
        var flags = TokenFlags.None;
        if (reach > 0 || Lexicon.StopWords.Contains(word))
        {
            flags |= TokenFlags.Function;
        }

        if (Lexicon.VerbStems.Contains(stem) || (word.Length > 4 && (word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ing", StringComparison.Ordinal))))
        {
            flags |= TokenFlags.Verb;
        }

        if (word.Length > 4 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            flags |= TokenFlags.Gerund;
        }

        if (Lexicon.Guards.Contains(bare))
        {
            flags |= TokenFlags.Guard;
        }

        if (afterComma)
        {
            flags |= TokenFlags.AfterComma;
        }

        if (!word.AsSpan().ContainsAnyExcept(AsciiLower))
        {
            flags |= TokenFlags.Plain;
        }

        tokens.Add(new Token(word, stem, clause, flags, reach));
    }

    /// <summary>
    /// The parts of one written word ("at-least-once", "schema-per-tenant", "SnapStart", "e2e") name one thing: they
    /// supply no grammar to the sentence (a stop word or verb inside a name is not a statement), and count as one word.
    /// </summary>
    private static void MarkParts(List<Token> tokens, int first)
    {
        for (var i = first; i < tokens.Count; i++)
        {
            var flags = tokens[i].Flags & ~(TokenFlags.Function | TokenFlags.Verb | TokenFlags.Gerund);
            tokens[i] = tokens[i] with { Flags = i > first ? flags | TokenFlags.Part : flags };
        }
    }

    /// <summary>Splits at each lower-to-upper change ("maxSurge" → max, Surge); null for words that have none.</summary>
    private static string[]? CamelCaseSplit(string raw)
    {
        List<string>? parts = null;
        var start = 0;
        for (var i = 1; i < raw.Length; i++)
        {
            if (char.IsAsciiLetterLower(raw[i - 1]) && char.IsAsciiLetterUpper(raw[i]))
            {
                (parts ??= []).Add(raw[start..i]);
                start = i;
            }
        }

        if (parts is null)
        {
            return null;
        }

        parts.Add(raw[start..]);
        return [.. parts];
    }

    private static bool IsAcronymPlural(string raw) =>
        raw.Length >= 3 && raw[^1] == 's' && char.IsAsciiLetterUpper(raw[0])
        && !raw.AsSpan(0, raw.Length - 1).ContainsAnyExcept(UpperOrDigit);

    private static bool IsContrastThan(string previous, string word) =>
        (word == "of" && previous == "instead")
        || (word == "than" && (previous == "rather" || Lexicon.PreferenceComparatives.Contains(previous)));

    /// <summary>
    /// "Instead of X" / "rather than X" reject the whole of X, however long ("rather than spending a week proving it
    /// with packet captures"), up to the main clause's subject: "instead of a distributed transaction I'd use a saga"
    /// keeps the saga. At least the old three words, at most <see cref="LongReach"/>.
    /// </summary>
    private static int ContrastReach(List<Token> tokens, int contrast)
    {
        var j = contrast + 1;
        while (j < tokens.Count && j - contrast <= LongReach && tokens[j].Clause == tokens[contrast].Clause
            && !Lexicon.SubjectStarts.Contains(tokens[j].Word))
        {
            j++;
        }

        return Math.Max(3, j - contrast - 1);
    }

    /// <summary>A verb of need or a "no point / no reason" after a negator: "don't need to bother with X".</summary>
    private static bool ExtendsReach(Token next) =>
        Lexicon.DismissalStems.Contains(next.Stem) || next.Word is "point" or "reason" or "worry" or "care";

    private static int ReachBeforeCondition(List<Token> tokens, int negator)
    {
        var j = negator + 1;
        while (j < tokens.Count && j - negator <= ClauseReach && tokens[j].Clause == tokens[negator].Clause
            && !Lexicon.ScopeBreakers.Contains(tokens[j].Word) && tokens[j].Word is not ("until" or "before" or "after"))
        {
            j++;
        }

        var condition = j < tokens.Count && j - negator <= ClauseReach && tokens[j].Clause == tokens[negator].Clause;
        return condition ? Math.Max(Lexicon.PlainReach, j - negator - 1) : ClauseReach;
    }

    /// <summary>
    /// A negated word of stance: "I don't agree with the advice to X", "not a fan of X", "not keen on X", "not sold on
    /// X". Up to two words may sit between ("not a big fan", "not really convinced").
    /// </summary>
    private static bool IsStance(List<Token> tokens, int negator)
    {
        for (var j = negator + 1; j < tokens.Count && j - negator <= 3 && tokens[j].Clause == tokens[negator].Clause; j++)
        {
            if (Lexicon.StanceWords.Contains(tokens[j].Word))
            {
                return true;
            }

            if (tokens[j].Word is not ("a" or "big" or "huge" or "really" or "much" or "entirely" or "totally" or "fully"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The speaker refusing a course of action: "I wouldn't spend a day proving it with access logs", "we'd never
    /// split the state". A conditional refusal is a recommendation against the whole predicate, unlike a factual "we
    /// don't see errors in the logs" or a habit ("the rule we never break"), so it reaches the end of the clause. Verbs of perception or outcome after it
    /// ("we wouldn't see a 502 in the app logs") state a fact, not a choice.
    /// </summary>
    private static bool IsSpeakerRefusal(List<Token> tokens, int negator)
    {
        var word = tokens[negator].Word;
        var subject = negator - 1;
        bool speaker;
        if (word is "never" or "not" && subject >= 1 && tokens[subject].Word == "would")
        {
            subject--; // "I would never", "we would not"
            speaker = tokens[subject].Word is "i" or "we";
        }
        else if (word is "wouldn't" or "wouldnt" or "won't" or "wont")
        {
            speaker = subject >= 0 && tokens[subject].Word is "i" or "we";
        }
        else
        {
            // "I'd never", not the habitual "we never deploy on Fridays".
            speaker = word == "never" && subject >= 0 && tokens[subject].Word is "i'd" or "we'd" or "id" or "wed";
        }

        if (!speaker || tokens[subject].Clause != tokens[negator].Clause)
        {
            return false;
        }

        return negator + 1 < tokens.Count && !Lexicon.OutcomeStems.Contains(tokens[negator + 1].Stem);
    }

    /// <summary>
    /// "not only X but Y" affirms X; "no point worrying about X", "don't need to bother with X", "I don't think you
    /// need X" reach further than a plain "not X".
    /// </summary>
    private static void AdjustNegatorReach(List<Token> tokens)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].NegationReach == 0)
            {
                continue;
            }

            if (i > 0 && IsContrastThan(tokens[i - 1].Word, tokens[i].Word))
            {
                tokens[i] = tokens[i] with { NegationReach = ContrastReach(tokens, i) };
            }
            else if (tokens[i].Word == "not" && tokens[i + 1].Word is "only" or "just")
            {
                tokens[i] = tokens[i] with { NegationReach = 0 };
            }
            else if (tokens[i + 1].Word is "think" or "believe")
            {
                // "I don't think we need X": the doubt covers the rest of the clause.
                tokens[i] = tokens[i] with { NegationReach = ClauseReach };
            }
            else if (IsStance(tokens, i) || IsSpeakerRefusal(tokens, i))
            {
                // "Not a fan of nightly X", "I wouldn't spend a day on X": the speaker's stance covers the rest of the
                // clause however long the thing it rejects, up to a condition or reason ("I wouldn't retry a POST
                // unless it carries an idempotency key" keeps the key).
                // Never shorter than the reach a verb of need already gives ("we wouldn't bother verifying …").
                var reach = ReachBeforeCondition(tokens, i);
                tokens[i] = tokens[i] with { NegationReach = ExtendsReach(tokens[i + 1]) ? Math.Max(reach, LongReach) : reach };
            }
            else if (i + 2 < tokens.Count
                && (tokens[i + 1].Word == "do" || Lexicon.DismissalStems.Contains(tokens[i + 1].Stem)) && tokens[i + 2].Word is "is" or "was")
            {
                // "What I wouldn't do is add retries", "what we don't need is a cache": a cleft puts the thing last.
                tokens[i] = tokens[i] with { NegationReach = ClauseReach };
            }
            else if (ExtendsReach(tokens[i + 1]))
            {
                tokens[i] = tokens[i] with { NegationReach = LongReach };
            }
        }
    }
}
