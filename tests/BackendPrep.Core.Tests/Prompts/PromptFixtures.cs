using BackendPrep.Core.Grading;
using BackendPrep.Core.Prompts;
using BackendPrep.Core.Study;

namespace BackendPrep.Core.Tests.Attempts;

internal static class PromptFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static InterviewPrompt Prompt(string id, string topic, params string[] items) =>
        new(id, topic, Level.Senior, id, "Design it.",
            new Rubric([.. items.Select(i => new RubricItem(i, $"Label {i}", [i], $"What about {i}?", new SourceRef("p.md", 1)))]),
            ["At ten times the load?"], new SourceRef($"{id}.md", 1));

    /// <summary>An attempt on <paramref name="prompt"/> covering exactly <paramref name="covered"/>.</summary>
    public static PromptAttempt Attempt(InterviewPrompt prompt, DateTimeOffset at, string user = "u", params string[] covered) =>
        PromptAttempt.First($"{prompt.Id}-{user}-{at.Ticks}", user, prompt, "answer",
            new GradeResult(prompt.Id, [.. prompt.Rubric.Items.Select(i => new ItemGrade(i.Id, covered.Contains(i.Id), covered.Contains(i.Id) ? $"{i.Id} sentence." : null))]),
            at);

    /// <summary>A Random whose NextDouble is fixed, to pin down where the roulette lands.</summary>
    public sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;

        public override int Next(int maxValue) => (int)(value * maxValue);
    }
}
