using BackendPrep.Core.Prompts;

namespace BackendPrep.Content.Tests.Grading;

internal static partial class EvalSet
{
    /// <summary>The real prompts, from the whole content (the Bot tests cannot parse single files with Content internals).</summary>
    public static (IReadOnlyDictionary<string, InterviewPrompt> Prompts, string Source) Prompts() =>
        (ContentLoader.LoadOrThrow(Path.Combine(RepoRoot(), "content")).Prompts.ToDictionary(p => p.Id), "ContentLoader.LoadOrThrow");
}
