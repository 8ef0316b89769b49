namespace BackendPrep.Core.Grading;

/// <summary>One rubric item's outcome; <see cref="Evidence"/> is the answer's sentence as typed that earned it.</summary>
public sealed record ItemGrade(string ItemId, bool Covered, string? Evidence);

/// <summary>How an answer did against the rubric items it was graded on (all items, or a follow-up's subset).</summary>
public sealed record GradeResult(string PromptId, IReadOnlyList<ItemGrade> Items)
{
    /// <summary>Covered share of the graded items, 0..1 (0 when nothing was graded).</summary>
    public double Score => Items.Count == 0 ? 0 : (double)Items.Count(i => i.Covered) / Items.Count;

    public IReadOnlyList<string> Covered => [.. Items.Where(i => i.Covered).Select(i => i.ItemId)];

    public IReadOnlyList<string> Missed => [.. Items.Where(i => !i.Covered).Select(i => i.ItemId)];

    public ItemGrade? Item(string itemId) => Items.FirstOrDefault(i => i.ItemId == itemId);

    /// <summary>
    /// An attempt's coverage after a follow-up answer: an item is covered if either answer covered it (the earlier
    /// evidence wins); items only the follow-up graded are added in its order.
    /// </summary>
    public static GradeResult Merge(GradeResult previous, GradeResult followUp)
    {
        var merged = new List<ItemGrade>(previous.Items.Count);
        foreach (var item in previous.Items)
        {
            var later = followUp.Item(item.ItemId);
            merged.Add(item.Covered || later is not { Covered: true } ? item : later);
        }

        merged.AddRange(followUp.Items.Where(i => previous.Item(i.ItemId) is null));
        return new GradeResult(previous.PromptId, merged);
    }
}
