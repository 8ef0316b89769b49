namespace BackendPrep.Core.Prompts;

/// <summary>How a group round is going: members who answered, their average coverage and the item most of them missed.</summary>
public sealed record RoundTally(int Answered, double AverageCoverage, string? MostMissedItemId, int MostMissedCount)
{
    public static RoundTally Empty { get; } = new(0, 0, null, 0);

    /// <summary>Counts each member once (their latest attempt), whatever the store returned.</summary>
    public static RoundTally Of(Rubric rubric, IEnumerable<PromptAttempt> attempts)
    {
        var perMember = attempts.GroupBy(a => a.UserId).Select(g => g.MaxBy(a => a.Version)!).ToList();
        if (perMember.Count == 0)
        {
            return Empty;
        }

        // Ties go to the earlier rubric item, so the tally does not flicker between equals.
        var missed = rubric.Items
            .Select((item, order) => (item.Id, Order: order, Count: perMember.Count(a => a.Result.Item(item.Id) is { Covered: false })))
            .Where(m => m.Count > 0)
            .OrderByDescending(m => m.Count).ThenBy(m => m.Order)
            .FirstOrDefault();
        return new RoundTally(perMember.Count, perMember.Average(a => a.Score), missed.Id, missed.Count);
    }

    /// <summary>Per rubric item, how many members covered it (shown when the rubric is revealed).</summary>
    public static IReadOnlyDictionary<string, int> CoveredCounts(Rubric rubric, IEnumerable<PromptAttempt> attempts)
    {
        var perMember = attempts.GroupBy(a => a.UserId).Select(g => g.MaxBy(a => a.Version)!).ToList();
        return rubric.Items.ToDictionary(i => i.Id, i => perMember.Count(a => a.Result.Item(i.Id) is { Covered: true }));
    }
}
