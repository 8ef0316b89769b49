using System.Globalization;
using BackendPrep.Bot.Grading;
using BackendPrep.Core.Grading;

namespace BackendPrep.Bot.Cli;

/// <summary>
/// <c>embed</c> reads one sentence per line and prints <c>sentence&lt;TAB&gt;v1 v2 …</c> with the vector the semantic
/// grader computes for it. For grading experiments (tests/…/Grading/learned_filters.py), so they measure the bot's
/// own model and text folding instead of a copy of them.
/// </summary>
internal static class EmbedCommand
{
    // The model's cost is per call as much as per sentence; a batch keeps memory flat for long inputs.
    private const int BatchSize = 64;

    public static async Task<int> RunAsync(ISentenceEncoder encoder, TextReader input, TextWriter output, CancellationToken ct)
    {
        var batch = new List<string>(BatchSize);
        while (await input.ReadLineAsync(ct) is { } line)
        {
            // A tab or an empty line would make the output ambiguous to read back.
            var sentence = line.Replace('\t', ' ').Trim();
            if (sentence.Length == 0)
            {
                continue;
            }

            batch.Add(sentence);
            if (batch.Count == BatchSize)
            {
                await WriteAsync(encoder, batch, output, ct);
            }
        }

        await WriteAsync(encoder, batch, output, ct);
        return BotProgram.ExitOk;
    }

    private static async Task WriteAsync(ISentenceEncoder encoder, List<string> batch, TextWriter output, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var vectors = encoder.Encode(batch);
        for (var i = 0; i < batch.Count; i++)
        {
            var numbers = string.Join(' ', vectors[i].Select(x => x.ToString("R", CultureInfo.InvariantCulture)));
            await output.WriteLineAsync($"{batch[i]}\t{numbers}".AsMemory(), ct);
        }

        batch.Clear();
    }
}
