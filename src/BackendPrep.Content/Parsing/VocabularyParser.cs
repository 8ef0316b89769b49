using BackendPrep.Content.Markdown;
using BackendPrep.Core.Study;

namespace BackendPrep.Content.Parsing;

internal static class VocabularyParser
{
    private static readonly HashSet<string> Keys = new(StringComparer.OrdinalIgnoreCase) { "Related", "Topic" };

    public static IEnumerable<Term> Parse(MarkdownFile file)
    {
        foreach (var section in file.Sections(2, out _))
        {
            var head = section.IdAndTitle();
            if (head is null)
            {
                continue;
            }

            var fields = new FieldLines(file, section.Blocks, Keys);
            var definition = fields.Description;
            if (definition.Length == 0)
            {
                file.Problem(section.Line, $"term \"{head.Value.Id}\" has no definition");
            }

            SectionChecks.Length(file, section.Line, head.Value.Title, definition);
            var related = fields["Related"] is { } r ? FieldLines.SplitList(r.Value) : [];
            yield return new Term(head.Value.Id, head.Value.Title, definition, related, fields["Topic"]?.Value,
                new SourceRef(file.Path, section.Line));
        }
    }
}
