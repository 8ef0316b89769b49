using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Hosting;

/// <summary>Fails start-up naming the key: <c>Storage:Path</c> and <c>Storage:CheckpointPages</c>.</summary>
internal sealed class StorageOptionsValidation : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
            failures.Add("Storage:Path is required");
        if (options.CheckpointPages is < 10 or > 100_000)
            failures.Add($"Storage:CheckpointPages must be 10–100000 log pages (was {options.CheckpointPages})");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Fails start-up naming the key: <c>Bot:ShutdownBudget</c>.</summary>
internal sealed class BotOptionsValidation : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options) =>
        options.ShutdownBudget < TimeSpan.FromSeconds(1) || options.ShutdownBudget > TimeSpan.FromMinutes(5)
            ? ValidateOptionsResult.Fail($"Bot:ShutdownBudget must be between 00:00:01 and 00:05:00 (was {options.ShutdownBudget})")
            : ValidateOptionsResult.Success;
}

/// <summary>Fails start-up naming the key: <c>Grading:SemanticThreshold</c> and <c>Grading:SemanticMargin</c>.</summary>
internal sealed class GradingOptionsValidation : IValidateOptions<GradingOptions>
{
    public ValidateOptionsResult Validate(string? name, GradingOptions options)
    {
        var failures = new List<string>();
        if (options.SemanticThreshold is < 0.05 or > 0.95 || double.IsNaN(options.SemanticThreshold))
            failures.Add($"Grading:SemanticThreshold must be between 0.05 and 0.95 (was {options.SemanticThreshold})");
        if (options.SemanticMargin is < 0 or > 0.5 || double.IsNaN(options.SemanticMargin))
            failures.Add($"Grading:SemanticMargin must be between 0 and 0.5 (was {options.SemanticMargin})");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
