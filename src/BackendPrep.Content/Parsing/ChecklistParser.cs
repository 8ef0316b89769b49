using BackendPrep.Content.Markdown;
using BackendPrep.Core.Study;

namespace BackendPrep.Content.Parsing;

/// <summary>Templates an answer should follow: each part carries the concepts that show it.</summary>
internal static class ChecklistParser
{
    private static readonly HashSet<string> Keys = new(StringComparer.OrdinalIgnoreCase) { "Concepts" };

    public static Checklist? Parse(MarkdownFile file)
    {
        var meta = new FrontMatter(file);
        var id = meta.Id("id");
        var title = meta.Required("title");
        var parts = new List<ChecklistPart>();
        foreach (var section in file.Sections(2, out _))
        {
            var head = section.IdAndTitle();
            if (head is null)
            {
                continue;
            }

            var fields = new FieldLines(file, section.Blocks, Keys);
            var concepts = fields["Concepts"] is { } c ? FieldLines.SplitList(c.Value) : [];
            if (concepts.Count == 0)
            {
                file.Problem(section.Line, $"template part \"{head.Value.Id}\" needs a `Concepts:` line");
            }

            SectionChecks.Length(file, section.Line, head.Value.Title, fields.Description);
            parts.Add(new ChecklistPart(head.Value.Id, head.Value.Title, fields.Description, concepts, new SourceRef(file.Path, section.Line)));
        }

        return id is null || title is null ? null : new Checklist(id, title, parts, new SourceRef(file.Path, 1));
    }
}
