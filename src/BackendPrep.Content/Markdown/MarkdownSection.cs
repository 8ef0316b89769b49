using Markdig.Syntax;

namespace BackendPrep.Content.Markdown;

/// <summary>A heading and the blocks under it up to the next heading of the same or a higher level.</summary>
internal sealed record MarkdownSection(MarkdownFile File, HeadingBlock Heading, IReadOnlyList<Block> Blocks)
{
    public string Title => MarkdownFile.InlineText(Heading);

    public int Line => File.LineOf(Heading);

    public string Body => File.Raw(Blocks);

    public IReadOnlyList<MarkdownSection> Children(int level, out IReadOnlyList<Block> preamble) =>
        Split(File, Blocks, level, out preamble);

    /// <summary>Splits a heading of the form <c>id: Title</c>; reports a problem when the id is missing or malformed.</summary>
    public (string Id, string Title)? IdAndTitle(bool lowercaseId = false)
    {
        var text = Title;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            File.Problem(Line, $"heading \"{text}\" must be written `id: Title`");
            return null;
        }

        var id = text[..colon].Trim();
        if (lowercaseId)
        {
            id = id.ToLowerInvariant();
        }

        var title = text[(colon + 1)..].Trim();
        if (!ContentIds.IsValid(id))
        {
            File.Problem(Line, $"id \"{id}\" must be lowercase kebab-case (letters, digits and single hyphens)");
            return null;
        }

        if (title.Length == 0)
        {
            File.Problem(Line, $"heading for \"{id}\" has no title after the colon");
            return null;
        }

        return (id, title);
    }

    public static IReadOnlyList<MarkdownSection> Split(MarkdownFile file, IReadOnlyList<Block> blocks, int level, out IReadOnlyList<Block> preamble)
    {
        var sections = new List<MarkdownSection>();
        var before = new List<Block>();
        HeadingBlock? heading = null;
        var body = new List<Block>();
        foreach (var block in blocks)
        {
            if (block is HeadingBlock h && h.Level <= level)
            {
                if (heading is not null)
                {
                    sections.Add(new MarkdownSection(file, heading, body));
                }
                else if (h.Level < level)
                {
                    before.Add(h);
                    continue;
                }

                if (h.Level < level)
                {
                    file.Problem(h, $"unexpected level-{h.Level} heading here; use `{new string('#', level)}`");
                    heading = null;
                    body = [];
                    continue;
                }

                heading = h;
                body = [];
            }
            else if (heading is null)
            {
                before.Add(block);
            }
            else
            {
                body.Add(block);
            }
        }

        if (heading is not null)
        {
            sections.Add(new MarkdownSection(file, heading, body));
        }

        preamble = before;
        return sections;
    }
}
