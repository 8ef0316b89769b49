namespace BackendPrep.Core.Drills;

/// <summary>
/// The 21 FSRS-6 model weights. <see cref="Default"/> are the published defaults; fitted weights
/// (from the review logs) must stay inside the same bounds the reference implementation enforces.
/// </summary>
public sealed class FsrsParameters
{
    public const int Count = 21;

    private static readonly double[] DefaultWeights =
    [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ];

    // Bounds as in the reference optimiser; outside them the formulas can divide by zero or explode.
    private static readonly double[] Lower =
    [
        0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
        0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
    ];

    private static readonly double[] Upper =
    [
        100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5,
        5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
    ];

    private readonly double[] _weights;

    public FsrsParameters(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var problems = Validate(weights);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(weights));
        }

        _weights = [.. weights];
        Decay = -_weights[20];
        Factor = Math.Pow(0.9, 1 / Decay) - 1;
    }

    public static FsrsParameters Default { get; } = new(DefaultWeights);

    public IReadOnlyList<double> Weights => _weights;

    /// <summary>w[i].</summary>
    public double this[int index] => _weights[index];

    /// <summary>The forgetting-curve exponent, −w20.</summary>
    public double Decay { get; }

    /// <summary>Chosen so that retrievability is exactly 0.9 when elapsed time equals stability.</summary>
    public double Factor { get; }

    /// <summary>Every reason <paramref name="weights"/> is unusable; empty when they are fine.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != Count)
        {
            return [$"expected {Count} weights, got {weights.Count}"];
        }

        var problems = new List<string>();
        for (var i = 0; i < Count; i++)
        {
            if (!double.IsFinite(weights[i]) || weights[i] < Lower[i] || weights[i] > Upper[i])
            {
                problems.Add(FormattableString.Invariant($"w{i} = {weights[i]} is outside [{Lower[i]}, {Upper[i]}]"));
            }
        }

        return problems;
    }
}
