using BackendPrep.Content.Markdown;
using BackendPrep.Content.Parsing;
using BackendPrep.Core.Prompts;
using BackendPrep.Core.Study;

namespace BackendPrep.Content;

/// <summary>Reads the whole <c>content/</c> folder into Core's model, collecting every problem with file and line.</summary>
public static class ContentLoader
{
    public static ContentLoadResult Load(string contentRoot)
    {
        var problems = new ProblemSink();
        if (!Directory.Exists(contentRoot))
        {
            problems.Add(contentRoot, 0, "content folder not found (set Content:Path)");
            return new ContentLoadResult(null, problems.All);
        }

        var topics = new List<Topic>();
        var prompts = new List<InterviewPrompt>();
        var cards = new List<Flashcard>();
        var terms = new List<Term>();
        var pages = new List<Page>();
        var checklists = new List<Checklist>();
        var patterns = new List<StudyPattern>();
        var rootName = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(contentRoot)));

        foreach (var path in Directory.EnumerateFiles(contentRoot, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(contentRoot, path).Replace('\\', '/');
            if (relative.Equals("README.md", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var file = MarkdownFile.Parse($"{rootName}/{relative}", File.ReadAllText(path), problems);
            var folder = relative.Contains('/', StringComparison.Ordinal) ? relative[..relative.IndexOf('/', StringComparison.Ordinal)] : "";
            switch (folder, relative)
            {
                case ("topics", _):
                    AddIfAny(topics, TopicParser.Parse(file));
                    break;
                case ("prompts", _):
                    AddIfAny(prompts, PromptParser.Parse(file));
                    break;
                case ("cues", _):
                    cards.AddRange(CueParser.Parse(file));
                    break;
                case ("pages", _):
                    var (page, pageCards) = PageParser.Parse(file);
                    AddIfAny(pages, page);
                    cards.AddRange(pageCards);
                    break;
                case ("templates", _):
                    AddIfAny(checklists, ChecklistParser.Parse(file));
                    break;
                case ("", "vocabulary.md"):
                    var parsed = VocabularyParser.Parse(file).ToList();
                    terms.AddRange(parsed);
                    cards.AddRange(parsed.Select(t => new Flashcard(CardIds.For(Deck.Vocabulary, t.Id), Deck.Vocabulary, t.Name, [t.Definition], t.TopicId, t.Source)));
                    break;
                case ("", "study-patterns.md"):
                    patterns.AddRange(StudyPatternParser.Parse(file));
                    break;
                default:
                    problems.Add(file.Path, 1, "not a known content location (see content/README.md for where each kind of file goes)");
                    break;
            }
        }

        ContentValidator.Validate(problems, topics, prompts, cards, terms, pages, checklists, patterns);
        var content = problems.All.Count == 0
            ? new StudyContent(topics, prompts, cards, terms, pages, checklists, patterns)
            : null;
        return new ContentLoadResult(content, problems.All);
    }

    /// <summary>Loads or throws <see cref="ContentException"/> listing every problem; what the host calls at start.</summary>
    public static StudyContent LoadOrThrow(string contentRoot)
    {
        var result = Load(contentRoot);
        return result.Ok ? result.Content! : throw new ContentException(result.Problems);
    }

    private static void AddIfAny<T>(List<T> list, T? item)
        where T : class
    {
        if (item is not null)
        {
            list.Add(item);
        }
    }
}
