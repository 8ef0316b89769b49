using System.Text;
using System.Text.Json;
using BackendPrep.Core.Drills;

namespace BackendPrep.Core.Tests.Drills;

public sealed class SrsReplayTests
{
    private static string Replay(string json)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(json));
        using var output = new MemoryStream();
        SrsReplayJson.Run(input, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public void Json_replay_reproduces_a_reference_sequence()
    {
        using var vectors = JsonDocument.Parse(File.ReadAllText(FsrsVectorTests.VectorsPath()));
        var sequence = vectors.RootElement.GetProperty("sequences")[1];
        var reviews = sequence.EnumerateArray()
            .Select(s => new { at = s.GetProperty("at").GetString(), rating = s.GetProperty("rating").GetInt32() });
        var input = JsonSerializer.Serialize(new { reviews });

        using var output = JsonDocument.Parse(Replay(input));

        var states = output.RootElement.GetProperty("states");
        Assert.Equal(sequence.GetArrayLength(), states.GetArrayLength());
        foreach (var (expected, actual) in sequence.EnumerateArray().Zip(states.EnumerateArray()))
        {
            Assert.Equal(expected.GetProperty("stability").GetDouble(), actual.GetProperty("stability").GetDouble(), tolerance: 1e-3);
            Assert.Equal(expected.GetProperty("difficulty").GetDouble(), actual.GetProperty("difficulty").GetDouble(), tolerance: 1e-3);
            Assert.Equal(expected.GetProperty("due").GetString(), actual.GetProperty("due").GetString());
        }
    }

    [Fact]
    public void Replay_gives_one_state_per_review_in_order()
    {
        var t = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
        var states = SrsReplay.Run([new(t, Rating.Good), new(t.AddDays(2), Rating.Good), new(t.AddDays(2), Rating.Again)]);
        Assert.Equal(3, states.Count);
        Assert.Equal(2.3065, states[0].Stability, 4);
        Assert.Equal(t.AddDays(2), states[0].Due);
        Assert.True(states[1].Stability > states[0].Stability);
        Assert.True(states[2].Stability < states[1].Stability);
        Assert.Empty(SrsReplay.Run([]));
    }

    [Fact]
    public void Times_without_offset_are_utc_and_output_is_utc()
    {
        var text = Replay("""{"reviews":[{"at":"2026-01-01T09:00:00","rating":3},{"at":"2026-01-03T10:00:00+01:00","rating":3}]}""");
        using var doc = JsonDocument.Parse(text);
        var states = doc.RootElement.GetProperty("states");
        Assert.Equal("2026-01-03T09:00:00+00:00", states[0].GetProperty("due").GetString());
        Assert.Equal("2026-01-14T09:00:00+00:00", states[1].GetProperty("due").GetString());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"items":[]}""")]
    [InlineData("""{"reviews":[{"at":"yesterday","rating":3}]}""")]
    [InlineData("""{"reviews":[{"at":"2026-01-01T09:00:00Z","rating":5}]}""")]
    [InlineData("""{"reviews":[{"at":"2026-01-01T09:00:00Z"}]}""")]
    [InlineData("""{"reviews":[3]}""")]
    public void Bad_input_is_reported(string json)
    {
        var e = Assert.Throws<SrsReplayFormatException>(() => Replay(json));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public async Task Async_replay_writes_the_same_output()
    {
        const string json = """{"reviews":[{"at":"2026-01-01T09:00:00Z","rating":4},{"at":"2026-01-01T09:00:00Z","rating":1}]}""";
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(json));
        using var output = new MemoryStream();
        await SrsReplayJson.RunAsync(input, output, CancellationToken.None);
        Assert.Equal(Replay(json), Encoding.UTF8.GetString(output.ToArray()));
    }
}
