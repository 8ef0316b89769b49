using BackendPrep.Content.Markdown;
using BackendPrep.Core.Study;

namespace BackendPrep.Content.Parsing;

internal static class TopicParser
{
    private static readonly Dictionary<string, SectionKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Core details"] = SectionKind.CoreDetails,
        ["Understanding"] = SectionKind.Understanding,
        ["Senior understanding"] = SectionKind.SeniorUnderstanding,
        ["Diagram"] = SectionKind.Diagram,
        ["Pitfalls"] = SectionKind.Pitfalls,
        ["Interview lines"] = SectionKind.InterviewLines,
    };

    public static Topic? Parse(MarkdownFile file)
    {
        var meta = new FrontMatter(file);
        var id = meta.Id("id");
        var title = meta.Required("title");
        var order = meta.Int("order");
        var why = meta.Required("why");
        var sections = new List<TopicSection>();
        var terms = new List<string>();
        foreach (var section in file.Sections(2, out _))
        {
            if (section.Title.Equals("Vocabulary", StringComparison.OrdinalIgnoreCase))
            {
                terms.AddRange(MarkdownLists.Items(file, section.Blocks).Select(i => i.Text.Trim('`', ' ')));
                continue;
            }

            if (!Kinds.TryGetValue(section.Title, out var kind))
            {
                file.Problem(section.Line, $"unknown topic section \"{section.Title}\"; expected one of: {string.Join(", ", Kinds.Keys)}, Vocabulary");
                continue;
            }

            if (sections.Any(s => s.Kind == kind))
            {
                file.Problem(section.Line, $"section \"{section.Title}\" appears twice");
                continue;
            }

            var body = section.Body;
            SectionChecks.Length(file, section.Line, section.Title, body);
            if (kind == SectionKind.Diagram)
            {
                SectionChecks.Diagram(file, section);
            }

            sections.Add(new TopicSection(kind, section.Title, body, new SourceRef(file.Path, section.Line)));
        }

        foreach (var required in Topic.StudySections)
        {
            if (sections.All(s => s.Kind != required))
            {
                file.Problem(1, $"topic is missing its \"{Kinds.First(k => k.Value == required).Key}\" section");
            }
        }

        if (id is null || title is null || order is null || why is null)
        {
            return null;
        }

        var ordered = sections.OrderBy(s => s.Kind).ToList();
        return new Topic(id, title, order.Value, meta.List("aliases"), why, ordered, terms, new SourceRef(file.Path, 1));
    }
}
