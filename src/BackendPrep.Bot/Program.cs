using BackendPrep.Bot.Cli;
using BackendPrep.Bot.Transports.Console;

namespace BackendPrep.Bot;

// An explicit class, not top-level statements: with the ASP.NET Core framework referenced, top-level statements get a
// generated public Program class, which collides with the Program of every project that references the bot (bench/).
internal static class Program
{
    private static Task<int> Main(string[] args) => BotProgram.RunAsync(args, ConsoleIO.Standard(), CancellationToken.None);
}
