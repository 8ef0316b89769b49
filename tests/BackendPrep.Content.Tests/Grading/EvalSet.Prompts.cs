using BackendPrep.Content.Markdown;
using BackendPrep.Content.Parsing;
using BackendPrep.Core.Prompts;

namespace BackendPrep.Content.Tests.Grading;

internal static partial class EvalSet
{
    /// <summary>
    /// The real prompts. Normally the whole content loads; while other content is mid-edit the prompts are parsed
    /// file by file, so the grader's accuracy is still measured against the real rubrics.
    /// </summary>
    public static (IReadOnlyDictionary<string, InterviewPrompt> Prompts, string Source) Prompts()
    {
        var contentRoot = Path.Combine(RepoRoot(), "content");
        var loaded = ContentLoader.Load(contentRoot);
        if (loaded.Content is not null)
        {
            return (loaded.Content.Prompts.ToDictionary(p => p.Id), "ContentLoader.Load");
        }

        var problems = new ProblemSink();
        var prompts = new Dictionary<string, InterviewPrompt>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(contentRoot, "prompts"), "*.md"))
        {
            var markdown = MarkdownFile.Parse("content/prompts/" + Path.GetFileName(file), File.ReadAllText(file), problems);
            if (PromptParser.Parse(markdown) is { } prompt)
            {
                prompts[prompt.Id] = prompt;
            }
        }

        return (prompts, $"prompt files one by one (full content has {loaded.Problems.Count} problems)");
    }
}
