using BackendPrep.Core.Grading;

namespace BackendPrep.Core.Prompts;

public enum AnswerKind
{
    Original,
    FollowUp,
}

/// <summary>One submitted answer of an attempt, with the rubric items it was graded against.</summary>
public sealed record AttemptAnswer(AnswerKind Kind, string Text, DateTimeOffset At, IReadOnlyList<string> GradedItems);

/// <summary>
/// A user's answer to one prompt, with any follow-up answers, and the attempt's current coverage (the merge of every
/// grade). <see cref="Version"/> grows with each stored change so concurrent writes can be made conditional.
/// This is what progress and the prompt picker read.
/// </summary>
public sealed record PromptAttempt(
    string Id,
    string UserId,
    string PromptId,
    string TopicId,
    DateTimeOffset StartedAt,
    IReadOnlyList<AttemptAnswer> Answers,
    GradeResult Result)
{
    /// <summary>The group round this attempt belongs to, if it was answered in one.</summary>
    public string? RoundId { get; init; }

    public DateTimeOffset UpdatedAt { get; init; } = StartedAt;

    public int Version { get; init; } = 1;

    public double Score => Result.Score;

    public static PromptAttempt First(string id, string userId, InterviewPrompt prompt, string answer, GradeResult result, DateTimeOffset at, string? roundId = null) =>
        new(id, userId, prompt.Id, prompt.TopicId, at, [new AttemptAnswer(AnswerKind.Original, answer, at, [.. result.Items.Select(i => i.ItemId)])], result)
        {
            RoundId = roundId,
        };

    /// <summary>The attempt after a follow-up answer graded on <paramref name="followUp"/>'s items: coverage only grows.</summary>
    public PromptAttempt WithFollowUp(string answer, GradeResult followUp, DateTimeOffset at) => this with
    {
        Answers = [.. Answers, new AttemptAnswer(AnswerKind.FollowUp, answer, at, [.. followUp.Items.Select(i => i.ItemId)])],
        Result = GradeResult.Merge(Result, followUp),
        UpdatedAt = at,
        Version = Version + 1,
    };

    /// <summary>Every answer's text, in order, for checks that read the whole attempt (the template structure).</summary>
    public string AllText => string.Join("\n\n", Answers.Select(a => a.Text));
}
