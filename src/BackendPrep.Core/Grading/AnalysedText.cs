namespace BackendPrep.Core.Grading;

[Flags]
internal enum TokenFlags : byte
{
    None = 0,
    Function = 1,
    Verb = 2,
    Guard = 4,
    Plain = 8,

    /// <summary>First word after a comma: a clause break that a list ("retries, backoff or a DLQ") may carry a negation across.</summary>
    AfterComma = 16,

    /// <summary>Second or later part of one written word ("multi-stage", "ReDoS", "e2e"): a name, not grammar.</summary>
    Part = 32,

    /// <summary>An -ing form: in a short sentence it is usually a noun ("event loop blocking"), not a finite verb.</summary>
    Gerund = 64,

    /// <summary>First word after a colon: what a header ("Things I wouldn't bother with:") introduces.</summary>
    AfterColon = 128,
}

/// <summary>One word of a sentence: its lowercase form, its stem, its clause (for negation scope) and how far back a negator it is reaches.</summary>
internal readonly record struct Token(string Word, string Stem, int Clause, TokenFlags Flags, int NegationReach);

internal sealed record Sentence(string Original, Token[] Tokens)
{
    public int WordCount => Tokens.Length;

    /// <summary>Has grammar (a function word or a finite verb) rather than being a bare term.</summary>
    public bool HasStructure => Tokens.Any(t => (t.Flags & TokenFlags.Function) != 0
        || (t.Flags & (TokenFlags.Verb | TokenFlags.Gerund)) == TokenFlags.Verb);

    public bool HasFunctionWord => Tokens.Any(t => (t.Flags & TokenFlags.Function) != 0);

    /// <summary>
    /// A sentence shaped as a list of names: of its segments (split at commas and at "and", "or", …), at least
    /// <see cref="ListTerms"/> and two thirds are bare terms ("distroless or Alpine, BuildKit, layer caching, pinned
    /// digests"), and the terms make up at least half its words, so a list that is the subject of a real predicate
    /// ("Redis, search indexes and logs hold tenant data with no RLS at all") still states something. Judged on shape
    /// alone, however many rubric items the terms happen to match.
    /// </summary>
    public bool IsNameList => _nameList ??= MeasureNameList();

    private bool? _nameList;

    private bool MeasureNameList()
    {
        int segments = 0, terms = 0, termWords = 0, words = 0, start = 0;
        for (var i = 0; i <= Tokens.Length; i++)
        {
            var conjunction = i < Tokens.Length && Lexicon.ListConjunctions.Contains(Tokens[i].Word);
            if (i < Tokens.Length && !conjunction && (i == start || (Tokens[i].Flags & TokenFlags.AfterComma) == 0))
            {
                continue;
            }

            if (i > start)
            {
                var length = TermLength(start, i);
                segments++;
                words += WrittenWordsIn(start, i);
                if (length > 0)
                {
                    terms++;
                    termWords += length;
                }
            }

            start = conjunction ? i + 1 : i;
        }

        return terms >= ListTerms && terms * 3 >= segments * 2 && termWords * 2 >= words;
    }

    /// <summary>A list needs this many bare terms: fewer is an ordinary sentence naming a few things.</summary>
    private const int ListTerms = 4;

    /// <summary>
    /// The written words of a bare term (0 if the segment is not one): a name of at most four words besides articles
    /// and prepositions ("EKS with Karpenter", "pinned digests"), with no other function word (pronoun, auxiliary,
    /// negator) and not opening with a verb ("cap retries" is an instruction).
    /// </summary>
    private int TermLength(int start, int end)
    {
        var words = 0;
        for (var i = start; i < end; i++)
        {
            var t = Tokens[i];
            if ((t.Flags & TokenFlags.Part) != 0)
            {
                continue;
            }

            words++;
            if (Lexicon.NameLinks.Contains(t.Word))
            {
                continue;
            }

            if ((t.Flags & TokenFlags.Function) != 0 || t.NegationReach > 0)
            {
                return 0;
            }

            if (IsFiniteVerb(t, i == start, end - start > 1))
            {
                return 0;
            }
        }

        return words - Links(start, end) is > 0 and <= 4 ? words : 0;
    }

    /// <summary>
    /// A known verb that opens a segment of several words ("keep the route"), or a later one in its -s form ("path
    /// becomes the template"): a clause, not a name. Gerunds and participles ("layer caching", "pinned digests") are names.
    /// </summary>
    private static bool IsFiniteVerb(Token t, bool first, bool longer)
    {
        if (!Lexicon.VerbStems.Contains(t.Stem) || (t.Flags & TokenFlags.Gerund) != 0 || t.Word.EndsWith("ed", StringComparison.Ordinal))
        {
            return false;
        }

        return first ? longer : t.Word.EndsWith('s') && !t.Word.EndsWith("ss", StringComparison.Ordinal);
    }

    private int Links(int start, int end)
    {
        var links = 0;
        for (var i = start; i < end; i++)
        {
            links += (Tokens[i].Flags & TokenFlags.Part) == 0 && Lexicon.NameLinks.Contains(Tokens[i].Word) ? 1 : 0;
        }

        return links;
    }

    private int WrittenWordsIn(int start, int end)
    {
        var words = 0;
        for (var i = start; i < end; i++)
        {
            words += (Tokens[i].Flags & TokenFlags.Part) == 0 ? 1 : 0;
        }

        return words;
    }

    /// <summary>
    /// A question with no subject, auxiliary or negator, only names joined by articles and prepositions ("A CDN for
    /// pricing data?", "Retries with backoff?"): an echo that questions the idea rather than a statement of it. Known
    /// verbs are allowed, since without a subject they are nouns here ("a queue for three events?").
    /// </summary>
    public bool IsVerblessQuestion => Original.TrimEnd().EndsWith('?')
        && Tokens.All(t => Lexicon.NameLinks.Contains(t.Word) || (t.NegationReach == 0 && (t.Flags & TokenFlags.Function) == 0));

    /// <summary>Comma-separated fragments (clauses) in the sentence.</summary>
    public int ClauseCount => Tokens.Length == 0 ? 0 : Tokens[^1].Clause - Tokens[0].Clause + 1;
}

/// <summary>Where a stem occurs: sentence, first and last token (a joined pair such as "roll back" spans two).</summary>
internal readonly record struct Occurrence(int Sentence, int Start, int End);

/// <summary>An answer (or a concept phrase) cut into sentences and tokens, with a stem → occurrences index.</summary>
internal sealed class AnalysedText
{
    /// <summary>Hostile input bound: Discord caps a message at 4,000 characters; beyond a generous margin, ignore.</summary>
    public const int MaxCharacters = 20_000;

    /// <summary>Index key every negator is also filed under, so a concept's "no"/"never" matches any of them.</summary>
    public const string NegatorKey = "\u0000neg";

    private static readonly IReadOnlyList<Occurrence> None = [];
    private readonly Dictionary<string, List<Occurrence>> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Occurrence>> _fuzzy = new(StringComparer.Ordinal);
    private ILookup<char, string>? _byFirstLetter;

    private AnalysedText(List<Sentence> sentences)
    {
        Sentences = sentences;
        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = sentences[s].Tokens;
            for (var i = 0; i < tokens.Length; i++)
            {
                AddOccurrence(tokens[i].Stem, new Occurrence(s, i, i));
                if (tokens[i].NegationReach > 0)
                {
                    AddOccurrence(NegatorKey, new Occurrence(s, i, i));
                }

                if (i + 1 < tokens.Length && (tokens[i].Flags & tokens[i + 1].Flags & TokenFlags.Plain) != 0
                    && tokens[i].NegationReach == 0 && tokens[i + 1].NegationReach == 0)
                {
                    // "roll back" also counts as "rollback", "back pressure" as "backpressure".
                    AddOccurrence(Lexicon.StemOf(tokens[i].Word + tokens[i + 1].Word), new Occurrence(s, i, i + 1));
                }
            }
        }
    }

    public IReadOnlyList<Sentence> Sentences { get; }

    public IReadOnlyList<Occurrence> Find(string stem) => _index.TryGetValue(stem, out var list) ? list : None;

    /// <summary>Exact occurrences, or else those of answer stems one typo away (see <see cref="TypoTolerance"/>).</summary>
    public IReadOnlyList<Occurrence> FindTolerant(string stem)
    {
        var exact = Find(stem);
        if (exact.Count > 0 || !TypoTolerance.Applies(stem))
        {
            return exact;
        }

        // One analysed answer serves one grading call on one thread, so these lazy caches need no lock.
        if (_fuzzy.TryGetValue(stem, out var cached))
        {
            return cached;
        }

        _byFirstLetter ??= _index.Keys.Where(k => k.Length >= TypoTolerance.MinLength).ToLookup(k => k[0]);
        string? first = null;
        List<Occurrence>? merged = null;
        foreach (var candidate in _byFirstLetter[stem[0]])
        {
            if (!TypoTolerance.WithinOneEdit(stem, candidate))
            {
                continue;
            }

            if (first is null)
            {
                first = candidate;
                continue;
            }

            merged ??= [.. _index[first]];
            merged.AddRange(_index[candidate]);
        }

        // Occurrence lists are searched by sentence, so keep a merged one in answer order.
        merged?.Sort((x, y) => x.Sentence != y.Sentence ? x.Sentence.CompareTo(y.Sentence) : x.Start.CompareTo(y.Start));
        IReadOnlyList<Occurrence> result = merged ?? (first is null ? None : _index[first]);
        _fuzzy[stem] = result;
        return result;
    }

    public static AnalysedText Analyse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new AnalysedText([]);
        }

        if (text.Length > MaxCharacters)
        {
            text = text[..MaxCharacters];
        }

        var sentences = new List<Sentence>();
        foreach (var original in SentenceSplitter.Split(text))
        {
            var tokens = Tokenizer.Tokenize(TextNormaliser.Normalise(original));
            if (tokens.Length > 0)
            {
                sentences.Add(new Sentence(original, tokens));
            }
        }

        return new AnalysedText(sentences);
    }

    private void AddOccurrence(string stem, Occurrence occurrence)
    {
        if (!_index.TryGetValue(stem, out var list))
        {
            list = [];
            _index[stem] = list;
        }

        list.Add(occurrence);
    }
}
