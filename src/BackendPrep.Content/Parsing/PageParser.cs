using BackendPrep.Content.Markdown;
using BackendPrep.Core.Study;

namespace BackendPrep.Content.Parsing;

/// <summary>Reference pages; a page with <c>deck:</c> in its front matter also yields one flashcard per section.</summary>
internal static class PageParser
{
    public static (Page? Page, IReadOnlyList<Flashcard> Cards) Parse(MarkdownFile file)
    {
        var meta = new FrontMatter(file);
        var id = meta.Id("id");
        var title = meta.Required("title");
        var deck = ParseDeck(file, meta);
        var sections = new List<PageSection>();
        foreach (var section in file.Sections(2, out _))
        {
            var head = section.IdAndTitle();
            if (head is null)
            {
                continue;
            }

            if (sections.Any(s => s.Id == head.Value.Id))
            {
                file.Problem(section.Line, $"section id \"{head.Value.Id}\" is used twice on this page");
                continue;
            }

            SectionChecks.Length(file, section.Line, head.Value.Title, section.Body);
            sections.Add(new PageSection(head.Value.Id, head.Value.Title, section.Body, new SourceRef(file.Path, section.Line)));
        }

        if (sections.Count == 0)
        {
            file.Problem(1, "a page needs at least one `## id: Title` section");
        }

        if (id is null || title is null)
        {
            return (null, []);
        }

        var cards = deck is null
            ? []
            : sections.Select(s => new Flashcard(CardIds.For(deck.Value, s.Id), deck.Value, s.Title, [s.Markdown], null, s.Source)).ToList();
        return (new Page(id, title, sections, new SourceRef(file.Path, 1)), cards);
    }

    private static Deck? ParseDeck(MarkdownFile file, FrontMatter meta)
    {
        var text = meta.Optional("deck");
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "pitfalls":
                return Deck.Pitfalls;
            case "hooks":
                return Deck.Hooks;
            default:
                file.Problem(meta.LineOf("deck"), $"`deck: {text}` is not a deck a page can make; use pitfalls or hooks");
                return null;
        }
    }
}
