namespace BackendPrep.Content.Markdown;

/// <summary>Collects problems across files so one run reports all of them, not just the first.</summary>
internal sealed class ProblemSink
{
    private readonly List<ContentProblem> _problems = [];

    public IReadOnlyList<ContentProblem> All => _problems;

    public void Add(string file, int line, string message) => _problems.Add(new ContentProblem(file, line, message));
}
