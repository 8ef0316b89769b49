using BackendPrep.Bot.Cli;
using BackendPrep.Bot.Transports.Console;

return await BotProgram.RunAsync(args, ConsoleIO.Standard(), CancellationToken.None);
