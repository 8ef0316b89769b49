using System.Collections.Frozen;
using BackendPrep.Core.Prompts;
using BackendPrep.Core.Study;

namespace BackendPrep.Core.Grading;

/// <summary>A rubric (or a template's parts) with every concept compiled once; immutable and shared across threads.</summary>
public sealed class CompiledRubric
{
    private readonly Lock _semanticLock = new();
    private (ISentenceEncoder Encoder, SemanticRubric Rubric)? _semantic;

    /// <summary>Only interview rubrics carry anchors and partial matches; template parts and drill moves match whole.</summary>
    private CompiledRubric(IReadOnlyList<(string Id, CompiledConcept[] Concepts)> items, IReadOnlyList<IReadOnlyList<string>>? anchorTexts = null)
    {
        Items = items;
        OwnStems = anchorTexts is null ? [.. items.Select(_ => (IReadOnlySet<string>?)null)] : FindOwnStems(items);
        AnchorTexts = anchorTexts ?? [.. items.Select(_ => (IReadOnlyList<string>)[])];
    }

    public IReadOnlyList<string> ItemIds => [.. Items.Select(i => i.Id)];

    internal IReadOnlyList<(string Id, CompiledConcept[] Concepts)> Items { get; }

    /// <summary>Per item, the stems no other item's concepts use (null: partial concept matches are off).</summary>
    internal IReadOnlyList<IReadOnlySet<string>?> OwnStems { get; }

    /// <summary>
    /// Per item, the texts semantic matching compares sentences with: one text, the label followed by its concepts.
    /// (Calibration tried the label alone, the label and each concept, and adding the follow-up; this did best.)
    /// </summary>
    internal IReadOnlyList<IReadOnlyList<string>> AnchorTexts { get; }

    public static CompiledRubric Compile(Rubric rubric) =>
        new([.. rubric.Items.Select(i => (i.Id, CompileAll(i.Concepts)))],
            [.. rubric.Items.Select(i => (IReadOnlyList<string>)[i.Label + ": " + string.Join(", ", i.Concepts)])]);

    /// <summary>
    /// The anchors embedded by <paramref name="encoder"/>, computed on first use and kept with this rubric; null (and
    /// not kept, so a later call may succeed) when the encoder serves no vectors.
    /// </summary>
    internal SemanticRubric? Semantic(ISentenceEncoder encoder)
    {
        lock (_semanticLock)
        {
            if (_semantic is { } cached && ReferenceEquals(cached.Encoder, encoder))
            {
                return cached.Rubric;
            }

            var embedded = SemanticRubric.Embed(this, encoder);
            if (embedded is not null)
            {
                _semantic = (encoder, embedded);
            }

            return embedded;
        }
    }

    public static CompiledRubric Compile(Checklist checklist) =>
        new([.. checklist.Parts.Select(p => (p.Id, CompileAll(p.Concepts)))]);

    internal static CompiledRubric Compile(IEnumerable<(string Id, IReadOnlyList<string> Concepts)> items) =>
        new([.. items.Select(i => (i.Id, CompileAll(i.Concepts)))]);

    private static IReadOnlySet<string>?[] FindOwnStems(IReadOnlyList<(string Id, CompiledConcept[] Concepts)> items)
    {
        var stems = items.Select(i => i.Concepts.SelectMany(c => c.Alternatives).SelectMany(a => a).ToHashSet(StringComparer.Ordinal)).ToArray();
        var users = stems.SelectMany(s => s).CountBy(s => s, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        return [.. stems.Select(s => (IReadOnlySet<string>?)s.Where(stem => users[stem] == 1).ToFrozenSet(StringComparer.Ordinal))];
    }

    private static CompiledConcept[] CompileAll(IReadOnlyList<string> concepts) =>
        [.. concepts.Select(CompiledConcept.Compile).OfType<CompiledConcept>()];

    /// <summary>
    /// For each item, the sentences (in answer order) where one of its concepts is stated and not negated; sentences
    /// where a concept is stated but rejected go to <paramref name="rejected"/>, if given.
    /// </summary>
    internal SortedSet<int>[] MatchAll(AnalysedText text, ISet<int>? rejected = null)
    {
        var matches = new SortedSet<int>[Items.Count];
        for (var i = 0; i < Items.Count; i++)
        {
            matches[i] = [];
            foreach (var concept in Items[i].Concepts)
            {
                ConceptMatcher.MatchSentences(concept, text, matches[i], OwnStems[i], rejected);
            }
        }

        return matches;
    }
}
