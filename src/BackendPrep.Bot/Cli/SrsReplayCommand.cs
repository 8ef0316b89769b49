using BackendPrep.Bot.Transports.Console;
using BackendPrep.Core.Drills;

namespace BackendPrep.Bot.Cli;

/// <summary><c>srs replay</c>: the scheduler as a filter, to compare against the reference implementation.</summary>
internal static class SrsReplayCommand
{
    public static async Task<int> RunAsync(ConsoleIO io, CancellationToken ct)
    {
        try
        {
            using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(await io.Input.ReadToEndAsync(ct)));
            using var output = new MemoryStream();
            await SrsReplayJson.RunAsync(input, output, ct);
            await io.Output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(output.ToArray()).TrimEnd());
            return BotProgram.ExitOk;
        }
        catch (SrsReplayFormatException ex)
        {
            await Console.Error.WriteLineAsync("srs replay: " + ex.Message);
            return BotProgram.ExitFailure;
        }
    }
}
