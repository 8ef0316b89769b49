using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using BackendPrep.Bot.Cli;
using BackendPrep.Bot.Grading;
using BackendPrep.Bot.Tests.Prompts;
using BackendPrep.Bot.Transports.Console;
using BackendPrep.Content;
using BackendPrep.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackendPrep.Bot.Tests.Grading;

/// <summary>
/// Grading:Semantic is validated at start, a model that cannot load degrades to lexical grading, and the grade CLI's
/// --semantic flag really adds the model.
/// </summary>
public sealed class SemanticGradingSetupTests
{
    // Shares nothing with the rubric's concepts, so only similarity can credit it.
    private const string Paraphrase = "Anything that keeps failing is set apart in a separate holding queue for a human to inspect.";

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
    public async Task A_model_that_fails_to_load_leaves_the_bot_grading_lexically_with_one_warning()
    {
        using var content = TempContent.Minimal();
        var logs = new LogCapture();

        var (exit, output) = await ConsoleSession.RunAsync(content.Root, $"""
            /prompt topic:t
            1
            {PromptContent.HalfAnswer}
            """,
            services =>
            {
                services.AddSingleton(sp => new SentenceModel(() => throw new FileNotFoundException("model.onnx"), sp.GetRequiredService<ILogger<SentenceModel>>()));
                services.AddSingleton<ILoggerProvider>(logs);
            },
            "--Grading:Semantic=true");

        Assert.Equal(BotProgram.ExitOk, exit);
        Assert.Contains("== Coverage 2/4 (50%) — A prompt ==", output, StringComparison.Ordinal);
        var warning = Assert.Single(logs.Entries, e => e.Category == typeof(SentenceModel).FullName);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("grading lexically", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Grading:Semantic=false", warning.Message, StringComparison.Ordinal);
        Assert.IsType<FileNotFoundException>(warning.Exception);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
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

    [Fact]
    public async Task Embed_cli_prints_the_graders_own_vector_for_each_non_empty_line()
    {
        var output = new StringWriter();

        var exit = await EmbedCommand.RunAsync(MiniLmSentenceEncoder.Shared, new StringReader($"{Paraphrase}\n\n  \nretry\twith backoff\n"), output, CancellationToken.None);

        Assert.Equal(BotProgram.ExitOk, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var expected = MiniLmSentenceEncoder.Shared.Encode([Paraphrase, "retry with backoff"]);
        for (var i = 0; i < lines.Length; i++)
        {
            var (sentence, numbers) = (lines[i].Split('\t')[0], lines[i].Split('\t')[1]);
            Assert.Equal(i == 0 ? Paraphrase : "retry with backoff", sentence);
            var vector = numbers.Split(' ').Select(n => float.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(expected[i], vector);
        }
    }

    private static async Task<JsonElement> GradeAsync(Core.Study.StudyContent content, string input, params string[] args)
    {
        using var output = new MemoryStream();
        var exit = await GradeCommand.RunAsync(args, content, new StringReader(input), output, TextWriter.Null, CancellationToken.None);
        Assert.Equal(BotProgram.ExitOk, exit);
        return JsonDocument.Parse(Encoding.UTF8.GetString(output.ToArray())).RootElement.Clone();
    }

    private sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCapture owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue((category, logLevel, formatter(state, exception), exception));
        }
    }

    private static string[] Covered(JsonElement result) => [.. result.GetProperty("covered").EnumerateArray().Select(e => e.GetString()!)];
}
