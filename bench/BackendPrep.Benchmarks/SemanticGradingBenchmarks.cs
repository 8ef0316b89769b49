using BackendPrep.Bot.Grading;
using BackendPrep.Content;
using BackendPrep.Core.Grading;
using BackendPrep.Core.Prompts;
using BackendPrep.Testing;
using BenchmarkDotNet.Attributes;

namespace BackendPrep.Benchmarks;

/// <summary>
/// What Grading:Semantic costs: embedding one sentence with MiniLM, and grading a paraphrased answer (four sentences,
/// none matched lexically, so all are embedded) with and without the semantic signal.
/// </summary>
[MemoryDiagnoser]
public class SemanticGradingBenchmarks
{
    private const string Sentence = "Each delivery carries a unique identifier and we remember the ones we have already handled.";

    private const string Paraphrase =
        "Before trusting anything, I recompute a digest of the exact bytes with the key we share with them. " +
        "Each delivery carries a unique identifier and we remember the ones we have already handled. " +
        "The record of the delivery and the change to the order are saved together or not at all. " +
        "Anything that keeps blowing up gets set aside for a person to look at after a few tries.";

    private MiniLmSentenceEncoder _encoder = null!;
    private AnswerGrader _lexical = null!;
    private AnswerGrader _semantic = null!;
    private InterviewPrompt _prompt = null!;

    [GlobalSetup]
    public void Setup()
    {
        _encoder = new MiniLmSentenceEncoder();
        _prompt = ContentLoader.LoadOrThrow(RepoPaths.Content).Prompt("payment-webhook")!;
        _lexical = new AnswerGrader();
        _semantic = new AnswerGrader(new SemanticMatching(_encoder, SemanticMatching.DefaultThreshold, SemanticMatching.DefaultMargin));
        _semantic.Grade(_prompt, Paraphrase);
    }

    [GlobalCleanup]
    public void Cleanup() => _encoder.Dispose();

    [Benchmark]
    public IReadOnlyList<float[]> EmbedOneSentence() => _encoder.Encode([Sentence]);

    [Benchmark(Baseline = true)]
    public GradeResult GradeParaphraseLexical() => _lexical.Grade(_prompt, Paraphrase);

    [Benchmark]
    public GradeResult GradeParaphraseSemantic() => _semantic.Grade(_prompt, Paraphrase);
}
