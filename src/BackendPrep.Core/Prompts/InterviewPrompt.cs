using BackendPrep.Core.Study;

namespace BackendPrep.Core.Prompts;

public enum Level
{
    Mid,
    Senior,
    Staff,
}

/// <summary>One point a strong answer makes. <see cref="Concepts"/> are the phrasings (synonyms, acronyms) that show it.</summary>
public sealed record RubricItem(string Id, string Label, IReadOnlyList<string> Concepts, string FollowUp, SourceRef Source);

public sealed record Rubric(IReadOnlyList<RubricItem> Items)
{
    public RubricItem? Item(string id) => Items.FirstOrDefault(i => i.Id == id);
}

/// <summary>An interview prompt with the rubric it is graded against and the staff-level follow-ups asked once it is covered.</summary>
public sealed record InterviewPrompt(
    string Id,
    string TopicId,
    Level Level,
    string Title,
    string Text,
    Rubric Rubric,
    IReadOnlyList<string> StaffFollowUps,
    SourceRef Source);
