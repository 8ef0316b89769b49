namespace BackendPrep.Content;

/// <summary>One thing wrong with a content file, located so an author can fix it without reading C#.</summary>
public sealed record ContentProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>What loading <c>content/</c> produced: the model when there were no problems, and every problem found.</summary>
public sealed record ContentLoadResult(BackendPrep.Core.Study.StudyContent? Content, IReadOnlyList<ContentProblem> Problems)
{
    public bool Ok => Content is not null && Problems.Count == 0;
}

/// <summary>Thrown at start when the content is broken; the message lists every problem as <c>file:line: message</c>.</summary>
public sealed class ContentException(IReadOnlyList<ContentProblem> problems)
    : Exception($"content/ has {BackendPrep.Core.Replies.Quantity.Of(problems.Count, "problem")}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}")
{
    public IReadOnlyList<ContentProblem> Problems { get; } = problems;
}
