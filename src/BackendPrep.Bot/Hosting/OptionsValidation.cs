using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Hosting;

/// <summary>Fails start-up naming the key: <c>Storage:Path</c> and <c>Storage:CheckpointPages</c>.</summary>
internal sealed class StorageOptionsValidation : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) => OptionChecks.Result(
        string.IsNullOrWhiteSpace(options.Path) ? "Storage:Path is required" : null,
        options.CheckpointPages is < 10 or > 100_000 ? $"Storage:CheckpointPages must be 10–100000 log pages (was {options.CheckpointPages})" : null);
}

/// <summary>Fails start-up naming the key: <c>Bot:ShutdownBudget</c>.</summary>
internal sealed class BotOptionsValidation : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options) => OptionChecks.Result(
        options.ShutdownBudget < TimeSpan.FromSeconds(1) || options.ShutdownBudget > TimeSpan.FromMinutes(5)
            ? $"Bot:ShutdownBudget must be between 00:00:01 and 00:05:00 (was {options.ShutdownBudget})"
            : null);
}

/// <summary>Fails start-up naming the key: <c>Grading:SemanticThreshold</c> and <c>Grading:SemanticMargin</c>.</summary>
internal sealed class GradingOptionsValidation : IValidateOptions<GradingOptions>
{
    public ValidateOptionsResult Validate(string? name, GradingOptions options) => OptionChecks.Result(
        options.SemanticThreshold is < 0.05 or > 0.95 || double.IsNaN(options.SemanticThreshold)
            ? $"Grading:SemanticThreshold must be between 0.05 and 0.95 (was {options.SemanticThreshold})"
            : null,
        options.SemanticMargin is < 0 or > 0.5 || double.IsNaN(options.SemanticMargin)
            ? $"Grading:SemanticMargin must be between 0 and 0.5 (was {options.SemanticMargin})"
            : null);
}

internal static class OptionChecks
{
    /// <summary>Success when every check passed (null), else one failure per message.</summary>
    public static ValidateOptionsResult Result(params string?[] failures)
    {
        var messages = failures.OfType<string>().ToArray();
        return messages.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(messages);
    }
}
