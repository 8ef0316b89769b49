namespace BackendPrep.Core.Grading;

/// <summary>
/// The embedded anchors of one rubric: per item, unit vectors of its label and of each concept. Built once per
/// compiled rubric, since encoding costs milliseconds per text.
/// </summary>
internal sealed class SemanticRubric
{
    private SemanticRubric(float[][][] anchors)
    {
        Anchors = anchors;
    }

    /// <summary>Per item, its anchors' unit vectors.</summary>
    public float[][][] Anchors { get; }

    /// <summary>Null when the encoder serves no vectors (its model is unavailable).</summary>
    public static SemanticRubric? Embed(CompiledRubric rubric, ISentenceEncoder encoder)
    {
        var texts = rubric.AnchorTexts.SelectMany(a => a).ToArray();
        var vectors = texts.Length == 0 ? [] : encoder.Encode(texts);
        if (vectors.Count != texts.Length)
        {
            return null;
        }

        var anchors = new float[rubric.AnchorTexts.Count][][];
        var next = 0;
        for (var i = 0; i < anchors.Length; i++)
        {
            anchors[i] = new float[rubric.AnchorTexts[i].Count][];
            for (var j = 0; j < anchors[i].Length; j++)
            {
                anchors[i][j] = Unit(vectors[next++]);
            }
        }

        return new SemanticRubric(anchors);
    }

    /// <summary>Per item, the best cosine between <paramref name="sentence"/> (a unit vector) and the item's anchors.</summary>
    public double[] Similarities(float[] sentence)
    {
        var result = new double[Anchors.Length];
        for (var i = 0; i < Anchors.Length; i++)
        {
            var best = double.MinValue;
            foreach (var anchor in Anchors[i])
            {
                best = Math.Max(best, Dot(sentence, anchor));
            }

            result[i] = Anchors[i].Length == 0 ? 0 : best;
        }

        return result;
    }

    public static float[] Unit(float[] vector)
    {
        var norm = Math.Sqrt(Dot(vector, vector));
        if (norm == 0)
        {
            return vector;
        }

        var unit = new float[vector.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            unit[i] = (float)(vector[i] / norm);
        }

        return unit;
    }

    private static double Dot(float[] a, float[] b)
    {
        if (a.Length != b.Length)
        {
            throw new InvalidOperationException($"sentence encoder returned vectors of lengths {a.Length} and {b.Length}");
        }

        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
