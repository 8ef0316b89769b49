using System.Text;
using System.Text.Json;
using BackendPrep.Bot.Cli;
using BackendPrep.Bot.Transports.Console;
using BackendPrep.Content;
using BackendPrep.Testing;

namespace BackendPrep.Bot.Tests.Grading;

/// <summary>Grading:Semantic is validated at start, and the grade CLI's --semantic flag really adds the model.</summary>
public sealed class SemanticGradingSetupTests
{
    // Shares nothing with the rubric's concepts, so only similarity can credit it.
    private const string Paraphrase = "Anything that keeps failing gets moved aside to a separate holding queue for a human to inspect.";

    [Theory]
    [InlineData("--Grading:SemanticThreshold=1.5")]
    [InlineData("--Grading:SemanticMargin=-0.1")]
    public async Task A_bad_grading_setting_stops_the_start(string bad)
    {
        using var content = TempContent.Minimal();

        var (exit, _) = await ConsoleSession.RunAsync(content.Root, "/help", bad);

        Assert.Equal(BotProgram.ExitBadConfiguration, exit);
    }

    [Fact]
    public async Task Grade_cli_credits_a_paraphrase_only_with_semantic()
    {
        var content = ContentLoader.LoadOrThrow(RepoPaths.Content);
        var request = JsonSerializer.Serialize(new { prompt = "payment-webhook", answer = Paraphrase }) + "\n";

        var lexical = await GradeAsync(content, request, "--jsonl");
        var semantic = await GradeAsync(content, request, "--semantic", "--jsonl");

        Assert.DoesNotContain("dead-letter-queue", Covered(lexical));
        Assert.Contains("dead-letter-queue", Covered(semantic));
        Assert.Equal(Paraphrase, semantic.GetProperty("evidence").GetProperty("dead-letter-queue").GetString());
    }

    private static async Task<JsonElement> GradeAsync(Core.Study.StudyContent content, string input, params string[] args)
    {
        using var output = new MemoryStream();
        var exit = await GradeCommand.RunAsync(args, content, new StringReader(input), output, TextWriter.Null, CancellationToken.None);
        Assert.Equal(BotProgram.ExitOk, exit);
        return JsonDocument.Parse(Encoding.UTF8.GetString(output.ToArray())).RootElement.Clone();
    }

    private static string[] Covered(JsonElement result) => [.. result.GetProperty("covered").EnumerateArray().Select(e => e.GetString()!)];
}
