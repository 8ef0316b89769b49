namespace BackendPrep.Core.Grading;

/// <summary>
/// Settings for the semantic signal. A sentence the lexical matcher did not credit earns an item when its cosine
/// similarity to the item (its label and concepts, embedded as one text) reaches <see cref="Threshold"/>, and is within
/// <see cref="Margin"/> of the sentence's best item in the rubric (sentences near every item of a topic prove none).
/// In an answer already shown to be on topic, a sentence also earns its single closest item at the lower
/// <see cref="LeadThreshold"/> when that item leads the rubric's next-closest one by <see cref="Lead"/>: a plain-words
/// paraphrase scores low against every anchor, but clearly highest against its own item.
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

    /// <summary>
    /// Chosen by leave-prompts-out cross-validation on the eval set (docs/grading.md): the value most folds picked when
    /// tuned on the other prompts' answers.
    /// </summary>
    public const double DefaultThreshold = 0.425;

    public const double DefaultMargin = 0.02;

    public const double DefaultLeadThreshold = 0.325;

    public const double DefaultLead = 0.03;

    public ISentenceEncoder Encoder { get; }

    public double Threshold { get; }

    public double Margin { get; }

    /// <summary>The lower similarity at which a sentence earns its closest item if that item clearly leads; 0 turns it off.</summary>
    public double LeadThreshold
    {
        get => _leadThreshold;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, 1);
            _leadThreshold = value;
        }
    }

    /// <summary>How far the closest item must lead the next-closest for <see cref="LeadThreshold"/> to apply.</summary>
    public double Lead
    {
        get => _lead;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _lead = value;
        }
    }

    private readonly double _leadThreshold = DefaultLeadThreshold;
    private readonly double _lead = DefaultLead;
}
