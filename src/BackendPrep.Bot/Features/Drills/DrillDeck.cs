using BackendPrep.Core.Grading;
using BackendPrep.Core.Study;

namespace BackendPrep.Bot.Features.Drills;

/// <summary>Deck names as users type them, and a card's expected moves split into text and concepts.</summary>
internal static class DrillDeck
{
    private const string ConceptsMarker = " — concepts:";

    public static readonly IReadOnlyDictionary<string, Deck> ByName = new Dictionary<string, Deck>(StringComparer.OrdinalIgnoreCase)
    {
        ["cues"] = Deck.Cues,
        ["vocabulary"] = Deck.Vocabulary,
        ["pitfalls"] = Deck.Pitfalls,
        ["hooks"] = Deck.Hooks,
    };

    public static string Name(Deck deck) => deck.ToString().ToLowerInvariant();

    /// <summary>The move as a reader sees it, without the grader's concept list.</summary>
    public static string MoveText(string back)
    {
        var at = back.IndexOf(ConceptsMarker, StringComparison.Ordinal);
        return at < 0 ? back.Trim() : back[..at].Trim();
    }

    public static IReadOnlyList<ExpectedMove> Moves(Flashcard card) =>
    [
        .. card.Back.Select(back =>
        {
            var at = back.IndexOf(ConceptsMarker, StringComparison.Ordinal);
            var concepts = at < 0
                ? []
                : back[(at + ConceptsMarker.Length)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new ExpectedMove(MoveText(back), concepts);
        }),
    ];
}
