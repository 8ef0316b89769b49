using System.Collections.Concurrent;
using BackendPrep.Core.Prompts;
using BackendPrep.Core.Study;

namespace BackendPrep.Core.Grading;

/// <summary>
/// Grades free-text interview answers against rubric concepts. Thread-safe and meant to be a singleton: compiled
/// rubrics are cached per prompt id (and recompiled when a different rubric instance arrives, e.g. after a reload).
/// </summary>
public sealed class AnswerGrader
{
    /// <summary>A sentence this long counts as a real statement even without a recognisable verb or function word.</summary>
    private const int StatementWords = 6;

    /// <summary>Sentences this short are fragments: in an answer made of them, none counts.</summary>
    private const int FragmentWords = 4;

    /// <summary>A template part is "present and substantive" only in a sentence at least this long.</summary>
    private const int ChecklistSentenceWords = 6;

    private readonly ConcurrentDictionary<string, (object Source, CompiledRubric Compiled)> _cache = new(StringComparer.Ordinal);
    private readonly SemanticMatching? _semantic;

    /// <summary>A lexical grader: deterministic, no model.</summary>
    public AnswerGrader()
    {
    }

    /// <summary>With <paramref name="semantic"/>, items the lexical matcher misses may be earned by sentence similarity.</summary>
    public AnswerGrader(SemanticMatching? semantic)
    {
        _semantic = semantic;
    }

    public bool UsesSemanticMatching => _semantic is not null;

    public GradeResult Grade(string promptId, Rubric rubric, string answer) => Grade(promptId, rubric, answer, null);

    /// <summary>Grades against a prompt's rubric; <paramref name="onlyItemIds"/> as in the rubric overload.</summary>
    public GradeResult Grade(InterviewPrompt prompt, string answer, IReadOnlyCollection<string>? onlyItemIds = null) =>
        Grade(prompt.Id, prompt.Rubric, answer, onlyItemIds);

    /// <summary>Grades only <paramref name="onlyItemIds"/> (a follow-up answer to the missed items); null grades all.</summary>
    public GradeResult Grade(string promptId, Rubric rubric, string answer, IReadOnlyCollection<string>? onlyItemIds)
    {
        var compiled = Compiled("prompt:" + promptId, rubric, () => CompiledRubric.Compile(rubric));
        return Grade(promptId, compiled, answer, onlyItemIds, _semantic);
    }

    public static GradeResult Grade(string promptId, CompiledRubric rubric, string answer, IReadOnlyCollection<string>? onlyItemIds = null, SemanticMatching? semantic = null)
    {
        var text = AnalysedText.Analyse(answer);

        // A sentence in which the lexical rules found an idea rejected takes a stance against it; similarity cannot
        // see that stance, so the semantic path does not credit anything from it.
        var rejected = semantic is null ? null : new HashSet<int>();
        var matches = rubric.MatchAll(text, rejected);
        var bulletList = IsBulletList(text);
        var itemsPerSentence = new int[text.Sentences.Count];
        foreach (var sentences in matches)
        {
            foreach (var s in sentences)
            {
                itemsPerSentence[s]++;
            }
        }

        var evidence = new string?[rubric.Items.Count];
        var graded = new bool[rubric.Items.Count];
        for (var i = 0; i < rubric.Items.Count; i++)
        {
            graded[i] = onlyItemIds is null || onlyItemIds.Contains(rubric.Items[i].Id);
            evidence[i] = !graded[i] ? null : matches[i]
                .Where(s => IsEvidence(text, s, itemsPerSentence[s], bulletList))
                .Select(s => text.Sentences[s].Original)
                .FirstOrDefault();
        }

        if (semantic is not null && Enumerable.Range(0, evidence.Length).Any(i => graded[i] && evidence[i] is null))
        {
            // Any item earned lexically, graded now or not (a follow-up grades only the missed ones), shows the topic.
            var onTopic = matches.Any(m => m.Any(s => IsEvidence(text, s, itemsPerSentence[s], bulletList)));
            AddSemanticEvidence(rubric, text, semantic, itemsPerSentence, bulletList, graded, evidence, onTopic, rejected!);
        }

        var grades = new List<ItemGrade>(rubric.Items.Count);
        for (var i = 0; i < rubric.Items.Count; i++)
        {
            if (graded[i])
            {
                grades.Add(new ItemGrade(rubric.Items[i].Id, evidence[i] is not null, evidence[i]));
            }
        }

        return new GradeResult(promptId, grades);
    }

    /// <summary>
    /// The semantic signal, for items still without evidence: each eligible sentence is embedded once and earns the
    /// items it is close to (at least the threshold, and within the margin of its closest item). Eligible means a
    /// statement, not a fragment or keyword list, that negates nothing and in which the lexical rules rejected no idea
    /// (<paramref name="rejected"/>): similarity cannot see what a "not" or a judgement applies to.
    /// Then, only in an answer shown to be on topic (an item earned lexically or at the full threshold), a sentence
    /// earns its closest item at the lead threshold if that item clearly leads the rest: off-topic text is always
    /// closest to something, so the lower bar needs the topic established first.
    /// </summary>
    private static void AddSemanticEvidence(CompiledRubric rubric, AnalysedText text, SemanticMatching semantic, int[] itemsPerSentence, bool bulletList, bool[] graded, string?[] evidence, bool onTopic, HashSet<int> rejected)
    {
        var eligible = Enumerable.Range(0, text.Sentences.Count)
            .Where(s => !rejected.Contains(s) && IsSemanticCandidate(text.Sentences[s], itemsPerSentence[s], bulletList))
            .ToArray();
        if (eligible.Length == 0)
        {
            return;
        }

        var anchors = rubric.Semantic(semantic.Encoder);
        var vectors = anchors is null ? [] : semantic.Encoder.Encode([.. eligible.Select(s => text.Sentences[s].Original)]);
        if (anchors is null || vectors.Count != eligible.Length)
        {
            return; // the encoder cannot serve: the grade stays lexical
        }

        var open = evidence.Select((e, i) => graded[i] && e is null).ToArray();
        var similarities = vectors.Select(v => anchors.Similarities(SemanticRubric.Unit(v))).ToArray();
        var best = new double[evidence.Length];
        for (var k = 0; k < eligible.Length; k++)
        {
            var top = similarities[k].Max();
            for (var i = 0; i < evidence.Length; i++)
            {
                var score = similarities[k][i];
                if (open[i] && score >= semantic.Threshold && score >= top - semantic.Margin && score > best[i])
                {
                    best[i] = score;
                    evidence[i] = text.Sentences[eligible[k]].Original;
                }
            }
        }

        if (semantic.LeadThreshold == 0 || !(onTopic || best.Any(b => b > 0)))
        {
            return;
        }

        for (var k = 0; k < eligible.Length; k++)
        {
            var (closest, lead) = ClosestAndLead(similarities[k]);
            var score = similarities[k][closest];
            if (open[closest] && best[closest] == 0 && score >= semantic.LeadThreshold && lead >= semantic.Lead)
            {
                best[closest] = score;
                evidence[closest] = text.Sentences[eligible[k]].Original;
            }
        }
    }

    /// <summary>The closest item and how far it leads the next-closest (its whole score if the rubric has one item).</summary>
    private static (int Closest, double Lead) ClosestAndLead(double[] similarities)
    {
        var closest = 0;
        var second = 0.0;
        for (var i = 1; i < similarities.Length; i++)
        {
            if (similarities[i] > similarities[closest])
            {
                second = similarities[closest];
                closest = i;
            }
            else
            {
                second = Math.Max(second, similarities[i]);
            }
        }

        return (closest, similarities[closest] - second);
    }

    /// <summary>
    /// Also refused: a run of short comma-separated terms ("quotas, weighted fair queueing, bulkheads, priority
    /// lanes"), which embeds close to the topic without stating anything.
    /// </summary>
    private static bool IsSemanticCandidate(Sentence sentence, int itemsInSentence, bool bulletList) =>
        sentence.WordCount > FragmentWords
        && !bulletList
        && !(sentence.ClauseCount >= 3 && sentence.WordCount < 3 * sentence.ClauseCount)
        && sentence.HasFunctionWord
        && IsStatement(sentence, itemsInSentence)
        && !Negation.NegatesAnything(sentence.Tokens);

    /// <summary>Which template parts the answer shows, each in a sentence of at least six words.</summary>
    public ChecklistResult Check(Checklist checklist, string answer)
    {
        var compiled = Compiled("checklist:" + checklist.Id, checklist, () => CompiledRubric.Compile(checklist));
        var text = AnalysedText.Analyse(answer);
        var matches = compiled.MatchAll(text);
        var parts = new List<PartCheck>(compiled.Items.Count);
        for (var i = 0; i < compiled.Items.Count; i++)
        {
            var evidence = matches[i]
                .Where(s => text.Sentences[s].WordCount >= ChecklistSentenceWords)
                .Select(s => text.Sentences[s].Original)
                .FirstOrDefault();
            parts.Add(new PartCheck(compiled.Items[i].Id, evidence is not null, evidence));
        }

        return new ChecklistResult(checklist.Id, parts);
    }

    /// <summary>
    /// Which expected moves a typed drill answer names. Terse answers are the point here, so no sentence structure
    /// is required; a move without concepts counts when most of its own content words appear.
    /// </summary>
    public MoveMatch MatchMoves(IReadOnlyList<ExpectedMove> moves, string answer) =>
        MoveMatcher.Match(moves, answer);

    /// <summary>
    /// Buzzword defence: evidence must read as a statement (a function word or finite verb outside a compound or
    /// identifier's parts, or length), and a keyword list earns nothing: three or more items in under four words
    /// each, spread over comma fragments; two items in a four-word fragment; several items without a single function
    /// word; or a sentence shaped as a list of names (<see cref="Sentence.IsNameList"/>), however many items it matches.
    /// </summary>
    private static bool IsStatement(Sentence sentence, int itemsInSentence)
    {
        var words = sentence.WordCount;
        var statement = words >= StatementWords || (words >= 3 && sentence.HasStructure);
        var keywordList = (itemsInSentence >= 3 && words < 4 * itemsInSentence && sentence.ClauseCount >= 3)
            || (itemsInSentence == 2 && words < 5)
            || (itemsInSentence >= 2 && !sentence.HasFunctionWord)
            || sentence.IsNameList;
        return statement && !keywordList && !sentence.IsVerblessQuestion;
    }

    /// <summary>A sentence that may serve as lexical evidence: a statement, and not a fragment in a list of fragments.</summary>
    private static bool IsEvidence(AnalysedText text, int sentence, int itemsInSentence, bool bulletList) =>
        IsStatement(text.Sentences[sentence], itemsInSentence) && !(bulletList && text.Sentences[sentence].WordCount <= FragmentWords);

    /// <summary>An answer of three or more lines that are nearly all bare fragments is a list of terms.</summary>
    private static bool IsBulletList(AnalysedText text)
    {
        var sentences = text.Sentences;
        return sentences.Count >= 3 && sentences.Count(s => s.WordCount <= FragmentWords) * 5 >= sentences.Count * 4;
    }

    private CompiledRubric Compiled(string key, object source, Func<CompiledRubric> compile)
    {
        if (_cache.TryGetValue(key, out var entry) && ReferenceEquals(entry.Source, source))
        {
            return entry.Compiled;
        }

        var compiled = compile();
        _cache[key] = (source, compiled);
        return compiled;
    }
}
