using BackendPrep.Core.Grading;
using Microsoft.Extensions.Logging;

namespace BackendPrep.Bot.Grading;

/// <summary>
/// The grader's sentence encoder, loaded once on first use (by <see cref="ModelWarmup"/>, or else the first answer).
/// A model that cannot load serves no vectors, so answers are graded lexically instead of failing or stopping the bot;
/// the failure is logged once, as a warning naming the setting, by whichever caller tried first.
/// </summary>
internal sealed partial class SentenceModel : ISentenceEncoder
{
    private readonly Lazy<ISentenceEncoder?> _loaded;

    public SentenceModel(Func<ISentenceEncoder> load, ILogger<SentenceModel> log)
    {
        _loaded = new(() =>
        {
            try
            {
                return load();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogFailed(log, ex);
                return null;
            }
        });
    }

    /// <summary>Loads the model if that has not been tried yet; false when it cannot serve (already logged).</summary>
    public bool Load() => _loaded.Value is not null;

    public IReadOnlyList<float[]> Encode(IReadOnlyList<string> sentences) =>
        _loaded.Value is { } encoder ? encoder.Encode(sentences) : [];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Semantic grading model failed to load; grading lexically only (set Grading:Semantic=false to skip the model)")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
