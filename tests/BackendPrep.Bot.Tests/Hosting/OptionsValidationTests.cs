using BackendPrep.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Tests.Hosting;

/// <summary>The hand-written validators that replaced DataAnnotations: each bound is enforced and named by its key.</summary>
public sealed class OptionsValidationTests
{
    [Fact]
    public void Defaults_pass()
    {
        Assert.True(new StorageOptionsValidation().Validate(null, new StorageOptions()).Succeeded);
        Assert.True(new BotOptionsValidation().Validate(null, new BotOptions()).Succeeded);
        Assert.True(new GradingOptionsValidation().Validate(null, new GradingOptions()).Succeeded);
    }

    [Theory]
    [InlineData("", 1000, "Storage:Path")]
    [InlineData("db", 9, "Storage:CheckpointPages")]
    [InlineData("db", 100_001, "Storage:CheckpointPages")]
    public void Storage_bounds_name_the_key(string path, int pages, string key) =>
        AssertFailsNaming(new StorageOptionsValidation().Validate(null, new StorageOptions { Path = path, CheckpointPages = pages }), key);

    [Theory]
    [InlineData(0.5)]
    [InlineData(301)]
    public void Shutdown_budget_outside_one_second_to_five_minutes_names_the_key(double seconds) =>
        AssertFailsNaming(new BotOptionsValidation().Validate(null, new BotOptions { ShutdownBudget = TimeSpan.FromSeconds(seconds) }), "Bot:ShutdownBudget");

    [Theory]
    [InlineData(0.01, 0.05, "Grading:SemanticThreshold")]
    [InlineData(double.NaN, 0.05, "Grading:SemanticThreshold")]
    [InlineData(0.4, -0.1, "Grading:SemanticMargin")]
    [InlineData(0.4, 0.6, "Grading:SemanticMargin")]
    public void Grading_bounds_name_the_key(double threshold, double margin, string key) =>
        AssertFailsNaming(new GradingOptionsValidation().Validate(null, new GradingOptions { SemanticThreshold = threshold, SemanticMargin = margin }), key);

    [Fact]
    public void An_empty_content_path_names_the_key() =>
        AssertFailsNaming(new ContentPathValidation().Validate(null, new ContentOptions { Path = " " }), "Content:Path");

    private static void AssertFailsNaming(ValidateOptionsResult result, string key)
    {
        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(key, failure, StringComparison.Ordinal);
    }
}
