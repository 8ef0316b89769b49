namespace BackendPrep.Core.Prompts;

/// <summary>A candidate prompt and why it got its weight, so tests and authors can see the reasoning.</summary>
public sealed record WeightedPrompt(InterviewPrompt Prompt, double Weakness, double Freshness)
{
    public double Weight => (WeaknessFloor + Weakness) * Freshness;

    /// <summary>Even a topic the user has mastered keeps some chance, so review still happens.</summary>
    internal const double WeaknessFloor = 0.15;
}

/// <summary>
/// Chooses the next interview prompt. Weighted: towards topics and rubric items the user covers least, away from
/// prompts answered recently. Uniform when asked. Pure apart from the injected <see cref="Random"/>.
/// </summary>
public sealed class PromptPicker(Random random)
{
    /// <summary>What we assume about a topic or item the user has never been graded on: halfway.</summary>
    public const double UnknownCoverage = 0.5;

    /// <summary>A prompt answered this long ago or more is fresh again.</summary>
    public static TimeSpan RecentWindow { get; } = TimeSpan.FromDays(7);

    /// <summary>A prompt answered moments ago still has this share of its weight (never zero: small corpora repeat).</summary>
    public const double MinFreshness = 0.03;

    /// <summary>A prompt only shown (skipped with Another) is weighed down more gently and for a shorter time.</summary>
    public static TimeSpan ShownWindow { get; } = TimeSpan.FromDays(1);

    public const double MinShownFreshness = 0.2;

    public InterviewPrompt? Pick(
        IReadOnlyList<InterviewPrompt> candidates,
        IReadOnlyList<PromptAttempt> history,
        DateTimeOffset now,
        bool uniform = false,
        string? excludeId = null,
        IReadOnlyDictionary<string, DateTimeOffset>? shown = null)
    {
        // "Another" must give another prompt, unless there is only the one.
        var pool = candidates.Count > 1 && excludeId is not null ? [.. candidates.Where(p => p.Id != excludeId)] : candidates;
        if (pool.Count == 0)
        {
            return null;
        }

        if (uniform)
        {
            return pool[random.Next(pool.Count)];
        }

        var weighted = Weigh(pool, history, now, shown);
        var total = weighted.Sum(w => w.Weight);
        var target = random.NextDouble() * total;
        foreach (var candidate in weighted)
        {
            target -= candidate.Weight;
            if (target < 0)
            {
                return candidate.Prompt;
            }
        }

        return weighted[^1].Prompt;
    }

    /// <param name="shown">When each prompt was last shown to the user, answered or not.</param>
    public static IReadOnlyList<WeightedPrompt> Weigh(
        IReadOnlyList<InterviewPrompt> candidates,
        IReadOnlyList<PromptAttempt> history,
        DateTimeOffset now,
        IReadOnlyDictionary<string, DateTimeOffset>? shown = null)
    {
        var topicCoverage = history.GroupBy(a => a.TopicId).ToDictionary(g => g.Key, g => g.Average(a => a.Score));
        var itemCoverage = history
            .SelectMany(a => a.Result.Items)
            .GroupBy(i => i.ItemId)
            .ToDictionary(g => g.Key, g => g.Average(i => i.Covered ? 1.0 : 0.0));
        var lastAnswered = history.GroupBy(a => a.PromptId).ToDictionary(g => g.Key, g => g.Max(a => a.StartedAt));

        return [.. candidates.Select(prompt =>
        {
            var topicWeakness = 1 - topicCoverage.GetValueOrDefault(prompt.TopicId, UnknownCoverage);
            var items = prompt.Rubric.Items;
            var itemWeakness = items.Count == 0 ? 1 - UnknownCoverage : items.Average(i => 1 - itemCoverage.GetValueOrDefault(i.Id, UnknownCoverage));
            var answeredFreshness = lastAnswered.TryGetValue(prompt.Id, out var at)
                ? Math.Clamp((now - at) / RecentWindow, MinFreshness, 1)
                : 1;
            var shownFreshness = shown is not null && shown.TryGetValue(prompt.Id, out var seen)
                ? Math.Clamp((now - seen) / ShownWindow, MinShownFreshness, 1)
                : 1;
            var freshness = Math.Min(answeredFreshness, shownFreshness);
            return new WeightedPrompt(prompt, (topicWeakness + itemWeakness) / 2, freshness);
        })];
    }
}
