namespace BackendPrep.Bot.Tests.Drills;

/// <summary>The minimal corpus plus a cues file for topic <c>t</c>.</summary>
internal static class DrillContent
{
    public static TempContent WithCues(int count = 3) => TempContent.Minimal().With("cues/t.md", "---\ntopic: t\n---\n\n" + string.Join("\n", Enumerable.Range(1, count).Select(i => $"""
        ## cue-{i}: "Question number {i}?"
        - Put an idempotency key on every request number {i} — concepts: idempotency key, dedupe
        - Retry with backoff and jitter — concepts: backoff, jitter

        """)));
}
