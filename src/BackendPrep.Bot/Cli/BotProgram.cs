using BackendPrep.Bot.Hosting;
using BackendPrep.Bot.Transports.Console;
using BackendPrep.Content;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Cli;

/// <summary>Entry point: the bot by default, or one of the CLI tools named by the first arguments.</summary>
public static class BotProgram
{
    public const int ExitOk = 0;
    public const int ExitFailure = 1;
    public const int ExitBadConfiguration = 2;
    public const int ExitBadContent = 3;

    public static async Task<int> RunAsync(string[] args, ConsoleIO io, CancellationToken cancellationToken)
    {
        switch (args)
        {
            case ["content", "check", .. var rest]:
                return ContentCheck.Run(rest.FirstOrDefault() ?? "content", io.Output);
            case ["help" or "--help" or "-h"]:
                await io.Output.WriteLineAsync(Usage);
                return ExitOk;
        }

        // A bare switch would swallow the next argument as its value in .NET's command-line configuration.
        args = [.. args.Select(a => a == "--console" ? "--Bot:Console=true" : a)];
        try
        {
            using var host = BotHost.CreateBuilder(args, io).Build();
            await host.RunAsync(cancellationToken);
            return Environment.ExitCode;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("Configuration is invalid:");
            foreach (var failure in ex.Failures)
            {
                await Console.Error.WriteLineAsync("  " + failure);
            }

            return ExitBadConfiguration;
        }
        catch (ContentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return ExitBadContent;
        }
    }

    private const string Usage = """
        backendprep                 run the bot (console chat when no Discord token is configured)
        backendprep --console       force the console chat
        backendprep content check [folder]
                                    validate content/, print counts and every problem as file:line
        """;
}
