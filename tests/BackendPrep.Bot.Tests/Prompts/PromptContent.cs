namespace BackendPrep.Bot.Tests.Prompts;

/// <summary>The shared minimal corpus (prompt <c>p</c>, items a–d) and answers that cover known items.</summary>
internal static class PromptContent
{
    /// <summary>Covers a and b, and shows the template's invariant step.</summary>
    public const string HalfAnswer =
        "We handle alpha carefully because every request depends on it. " +
        "We also check beta on the request path before writing anything. " +
        "The invariant is that a payment must never be charged twice.";

    /// <summary>Covers c and d.</summary>
    public const string FollowUpAnswer =
        "We store gamma durably so that nothing is lost on a restart. " +
        "We also alert on delta whenever the queue grows past its limit.";

    public static TempContent WithSecondPrompt() => TempContent.Minimal().WithPrompt(
        "q", "Q prompt", "staff", "Scale a thing.", ("e", "epsilon"), ("f", "zeta"), ("g", "eta"), ("h", "theta"));
}
