using BackendPrep.Core.Drills;
using BackendPrep.Core.Grading;
using BackendPrep.Core.Prompts;
using BackendPrep.Core.Study;

namespace BackendPrep.Core.Tests.Progress;

internal static class ProgressFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static Topic Topic(string id, int order) =>
        new(id, $"Topic {id}", order, [], "Why.", [], [], new SourceRef($"{id}.md", 1));

    public static InterviewPrompt Prompt(string id, string topic, params string[] items) =>
        new(id, topic, Level.Senior, $"Prompt {id}", "Design it.",
            new Rubric([.. items.Select(i => new RubricItem(i, $"Label {i}", [i], $"What about {i}?", new SourceRef("p.md", 1)))]),
            [], new SourceRef($"{id}.md", 1));

    public static StudyContent Content(IReadOnlyList<Topic> topics, IReadOnlyList<InterviewPrompt> prompts) =>
        new(topics, prompts, [], [], [], [], []);

    public static PromptAttempt Attempt(InterviewPrompt prompt, DateTimeOffset at, params string[] covered) =>
        PromptAttempt.First($"{prompt.Id}-{at.Ticks}", "u", prompt, "answer",
            new GradeResult(prompt.Id, [.. prompt.Rubric.Items.Select(i => new ItemGrade(i.Id, covered.Contains(i.Id), null))]), at);

    private static readonly MemorySnapshot Seen = new(CardState.Review, 3, 5, Now);
    private static readonly MemorySnapshot Fresh = new(CardState.New, 0, 0, Now);

    /// <summary>A scheduled review (the card had been seen before) rated <paramref name="rating"/>.</summary>
    public static ReviewLog Review(DateTimeOffset at, Rating rating = Rating.Good, string card = "c1", bool cram = false, bool first = false) =>
        new(card, at, rating, 1, first ? Fresh : Seen, Seen, cram);

    public static ReviewCard Card(string id, DateTimeOffset due) => new(id, CardState.Review, 3, 5, due, due.AddDays(-3), 2, 0);
}
