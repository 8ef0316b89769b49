using BackendPrep.Bot.Hosting;
using BackendPrep.Content;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Study;

namespace BackendPrep.Bot.Cli;

/// <summary><c>content check</c>: validates the corpus the way the bot loads it, for authors and CI.</summary>
internal static class ContentCheck
{
    public static int Run(string path, TextWriter output)
    {
        var root = ContentPaths.Resolve(path);
        if (root is null)
        {
            output.WriteLine($"content folder \"{path}\" not found");
            return BotProgram.ExitBadContent;
        }

        var result = ContentLoader.Load(root);
        foreach (var problem in result.Problems)
        {
            output.WriteLine(problem);
        }

        if (result.Content is { } content)
        {
            output.WriteLine(Counts(content));
        }

        output.WriteLine(result.Problems.Count == 0 ? "content ok" : Quantity.Of(result.Problems.Count, "problem"));
        return result.Problems.Count == 0 ? BotProgram.ExitOk : BotProgram.ExitBadContent;
    }

    /// <summary>Loads content for a CLI tool from <c>Content:Path</c> (environment) or ./content; problems go to stderr.</summary>
    public static StudyContent? LoadForTool()
    {
        var path = Environment.GetEnvironmentVariable("BACKENDPREP_Content__Path") ?? "content";
        var root = ContentPaths.Resolve(path);
        var result = root is null ? null : ContentLoader.Load(root);
        if (result is { Ok: true })
        {
            return result.Content;
        }

        Console.Error.WriteLine(root is null ? $"content folder \"{path}\" not found" : string.Join(Environment.NewLine, result!.Problems));
        return null;
    }

    public static string Counts(StudyContent content) =>
        $"topics: {content.Topics.Count}, prompts: {content.Prompts.Count}, rubric items: {content.Prompts.Sum(p => p.Rubric.Items.Count)}, " +
        $"cues: {content.Deck(Deck.Cues).Count()}, terms: {content.Terms.Count}, pitfalls: {content.Deck(Deck.Pitfalls).Count()}, " +
        $"hooks: {content.Deck(Deck.Hooks).Count()}, pages: {content.Pages.Count}, templates: {content.Checklists.Count}, study patterns: {content.Patterns.Count}";
}
