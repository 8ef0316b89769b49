namespace BackendPrep.Core.Grading;

/// <summary>
/// Settings for the semantic signal. A sentence the lexical matcher did not credit earns an item when its cosine
/// similarity to the item (its label and concepts, embedded as one text) reaches <see cref="Threshold"/>, and is within
/// <see cref="Margin"/> of the sentence's best item in the rubric (sentences near every item of a topic prove none).
/// </summary>
public sealed record SemanticMatching
{
    public SemanticMatching(ISentenceEncoder encoder, double threshold, double margin)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(threshold, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        Encoder = encoder;
        Threshold = threshold;
        Margin = margin;
    }

    /// <summary>Calibrated on the tuned and holdout eval answers only (docs/grading.md), never on the blind ones.</summary>
    public const double DefaultThreshold = 0.475;

    public const double DefaultMargin = 0.05;

    public ISentenceEncoder Encoder { get; }

    public double Threshold { get; }

    public double Margin { get; }
}
