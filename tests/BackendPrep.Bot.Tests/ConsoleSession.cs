using BackendPrep.Bot.Cli;
using BackendPrep.Bot.Transports.Console;
using Microsoft.Extensions.DependencyInjection;

namespace BackendPrep.Bot.Tests;

/// <summary>Runs the real bot executable's entry point in-process with piped input, a temp database and the given content.</summary>
internal static class ConsoleSession
{
    public static Task<(int ExitCode, string Output)> RunAsync(string contentRoot, string script, params string[] extraArgs) =>
        RunAsync(contentRoot, script, configure: null, extraArgs);

    /// <summary>With <paramref name="configure"/> applied to the bot's services last (to swap one service for a test).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string contentRoot, string script, Action<IServiceCollection>? configure, params string[] extraArgs)
    {
        var db = Path.Combine(Path.GetTempPath(), $"bp-bot-{Guid.NewGuid():N}.db");
        var output = new StringWriter();
        var io = new ConsoleIO(new StringReader(script.ReplaceLineEndings("\n")), output, Interactive: false);
        string[] args = ["--console", $"--Content:Path={contentRoot}", $"--Storage:Path={db}", "--Discord:Token=", .. extraArgs];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var exit = await BotProgram.RunAsync(args, io, configure, timeout.Token);
            return (exit, output.ToString());
        }
        finally
        {
            File.Delete(db);
        }
    }
}
