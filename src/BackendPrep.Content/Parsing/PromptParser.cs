using BackendPrep.Content.Markdown;
using BackendPrep.Core.Prompts;
using BackendPrep.Core.Study;
using Markdig.Syntax;

namespace BackendPrep.Content.Parsing;

internal static class PromptParser
{
    private static readonly HashSet<string> ItemKeys = new(StringComparer.OrdinalIgnoreCase) { "Concepts", "Follow-up" };

    public static InterviewPrompt? Parse(MarkdownFile file)
    {
        var meta = new FrontMatter(file);
        var id = meta.Id("id");
        var topic = meta.Id("topic");
        var level = ParseLevel(file, meta);
        var sections = file.Sections(2, out var preamble);
        var heading = preamble.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
        if (heading is null)
        {
            file.Problem(1, "a prompt needs a `# Title` line");
        }

        var text = file.Raw([.. preamble.Where(b => b is not HeadingBlock)]);
        if (text.Length == 0)
        {
            file.Problem(heading is null ? 1 : file.LineOf(heading), "the prompt has no text under its title");
        }

        var rubricSection = sections.FirstOrDefault(s => s.Title.Equals("Rubric", StringComparison.OrdinalIgnoreCase));
        var items = rubricSection is null ? [] : ParseItems(file, rubricSection);
        if (rubricSection is null)
        {
            file.Problem(1, "a prompt needs a `## Rubric` section");
        }
        else if (items.Count is < ContentLimits.MinRubricItems or > ContentLimits.MaxRubricItems)
        {
            file.Problem(rubricSection.Line, $"a rubric has {ContentLimits.MinRubricItems} to {ContentLimits.MaxRubricItems} items; this one has {items.Count}");
        }

        var staff = sections.FirstOrDefault(s => s.Title.Equals("Staff follow-ups", StringComparison.OrdinalIgnoreCase));
        var staffQuestions = staff is null ? [] : MarkdownLists.Items(file, staff.Blocks).Select(i => i.Text).ToList();
        foreach (var other in sections.Where(s => s != rubricSection && s != staff))
        {
            file.Problem(other.Line, $"unknown prompt section \"{other.Title}\"; expected `## Rubric` and `## Staff follow-ups`");
        }

        if (id is null || topic is null || level is null || heading is null || text.Length == 0)
        {
            return null;
        }

        return new InterviewPrompt(id, topic, level.Value, MarkdownFile.InlineText(heading), text, new Rubric(items),
            staffQuestions, new SourceRef(file.Path, 1));
    }

    private static Level? ParseLevel(MarkdownFile file, FrontMatter meta)
    {
        var text = meta.Required("level");
        if (text is null)
        {
            return null;
        }

        if (Enum.TryParse<Level>(text, ignoreCase: true, out var level) && Enum.IsDefined(level) && !char.IsDigit(text[0]))
        {
            return level;
        }

        file.Problem(meta.LineOf("level"), $"`level` must be mid, senior or staff, not \"{text}\"");
        return null;
    }

    private static List<RubricItem> ParseItems(MarkdownFile file, MarkdownSection rubric)
    {
        var items = new List<RubricItem>();
        foreach (var section in rubric.Children(3, out _))
        {
            var head = section.IdAndTitle();
            if (head is null)
            {
                continue;
            }

            var (id, label) = head.Value;
            if (items.Any(i => i.Id == id))
            {
                file.Problem(section.Line, $"rubric item id \"{id}\" is used twice in this prompt");
                continue;
            }

            var fields = new FieldLines(file, section.Blocks, ItemKeys);
            var concepts = fields["Concepts"] is { } c ? FieldLines.SplitList(c.Value) : [];
            var followUp = fields["Follow-up"]?.Value ?? "";
            if (concepts.Count == 0)
            {
                file.Problem(section.Line, $"rubric item \"{id}\" needs a `Concepts:` line listing phrasings that show it");
            }

            if (followUp.Length == 0)
            {
                file.Problem(section.Line, $"rubric item \"{id}\" needs a `Follow-up:` question to ask when an answer misses it");
            }

            items.Add(new RubricItem(id, label, concepts, followUp, new SourceRef(file.Path, section.Line)));
        }

        return items;
    }
}
