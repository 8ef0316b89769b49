using BackendPrep.Content.Markdown;
using BackendPrep.Core.Study;

namespace BackendPrep.Content.Parsing;

/// <summary>Recognition cues: <c>## id: "Cue"</c> followed by a list of expected architecture moves.</summary>
internal static class CueParser
{
    private static readonly string[] ConceptMarkers = [" — concepts:", " -- concepts:", " – concepts:"];

    public static IEnumerable<Flashcard> Parse(MarkdownFile file)
    {
        var topic = new FrontMatter(file).Id("topic");
        foreach (var section in file.Sections(2, out _))
        {
            var head = section.IdAndTitle();
            if (head is null)
            {
                continue;
            }

            var (id, phrase) = head.Value;
            var moves = MarkdownLists.Items(file, section.Blocks);
            if (moves.Count is < ContentLimits.MinMoves or > ContentLimits.MaxMoves)
            {
                file.Problem(section.Line, $"cue \"{id}\" needs {ContentLimits.MinMoves} to {ContentLimits.MaxMoves} expected moves as a list; it has {moves.Count}");
            }

            yield return new Flashcard(CardIds.For(Deck.Cues, id), Deck.Cues, phrase.Trim('"', '“', '”', ' '),
                [.. moves.Select(m => m.Text)], topic, new SourceRef(file.Path, section.Line));
        }
    }

    /// <summary>A move's own text and the phrasings that count as naming it (its <c>— concepts:</c> tail, if any).</summary>
    public static (string Text, IReadOnlyList<string> Concepts) SplitMove(string move)
    {
        foreach (var marker in ConceptMarkers)
        {
            var at = move.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                return (move[..at].Trim(), FieldLines.SplitList(move[(at + marker.Length)..]));
            }
        }

        return (move.Trim(), []);
    }
}
