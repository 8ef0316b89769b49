using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using BackendPrep.Core.Drills;

namespace BackendPrep.Core.Tests.Drills;

/// <summary>Replays every sequence in the shared py-fsrs reference vectors (../shared/fsrs/vectors.json).</summary>
public sealed class FsrsVectorTests
{
    private static readonly Lazy<JsonDocument> Vectors = new(() => JsonDocument.Parse(File.ReadAllText(VectorsPath())));

    public static TheoryData<int> SequenceIndexes()
    {
        var data = new TheoryData<int>();
        var count = Vectors.Value.RootElement.GetProperty("sequences").GetArrayLength();
        for (var i = 0; i < count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Fact]
    public void Vector_file_holds_sequences_and_the_default_parameters()
    {
        var root = Vectors.Value.RootElement;
        Assert.True(root.GetProperty("sequences").GetArrayLength() >= 10);
        var weights = root.GetProperty("parameters").EnumerateArray().Select(p => p.GetDouble()).ToArray();
        Assert.Equal(weights, FsrsParameters.Default.Weights);
    }

    [Theory]
    [MemberData(nameof(SequenceIndexes))]
    public void Sequence_reproduces_reference_states(int index)
    {
        var steps = Vectors.Value.RootElement.GetProperty("sequences")[index];
        var scheduler = new FsrsScheduler(desiredRetention: 0.9, maximumInterval: 36500);
        var first = ParseInstant(steps[0].GetProperty("at"));
        var card = ReviewCard.New($"seq-{index}", first);
        var n = 0;
        foreach (var step in steps.EnumerateArray())
        {
            var at = ParseInstant(step.GetProperty("at"));
            var rating = (Rating)step.GetProperty("rating").GetInt32();
            (card, var log) = scheduler.Review(card, rating, at);

            var where = $"sequence {index} step {n}";
            Assert.True(Math.Abs(card.Stability - step.GetProperty("stability").GetDouble()) < 1e-3,
                $"{where}: stability {card.Stability} vs {step.GetProperty("stability").GetDouble()}");
            Assert.True(Math.Abs(card.Difficulty - step.GetProperty("difficulty").GetDouble()) < 1e-3,
                $"{where}: difficulty {card.Difficulty} vs {step.GetProperty("difficulty").GetDouble()}");
            Assert.Equal(ParseInstant(step.GetProperty("due")), card.Due);
            Assert.Equal(step.GetProperty("interval_days").GetInt32(), (int)(card.Due - at).TotalDays);
            Assert.Equal(card.Due, log.After.Due);
            Assert.Equal(rating, log.Rating);
            n++;
        }
    }

    private static DateTimeOffset ParseInstant(JsonElement e) =>
        DateTimeOffset.Parse(e.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>
    /// The repository root is found from the test binaries; with <c>--artifacts-path</c> they live outside the tree,
    /// so the working directory and this source file's compile-time location are tried next.
    /// </summary>
    internal static string VectorsPath([CallerFilePath] string sourceFile = "")
    {
        string?[] starts = [AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(sourceFile)];
        foreach (var start in starts.OfType<string>())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "BackendPrep.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "fsrs", "vectors.json"));
                }
            }
        }

        throw new InvalidOperationException("BackendPrep.sln not found above " + AppContext.BaseDirectory);
    }
}
