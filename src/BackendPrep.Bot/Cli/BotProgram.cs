using BackendPrep.Bot.Grading;
using BackendPrep.Bot.Hosting;
using BackendPrep.Bot.Transports.Console;
using BackendPrep.Content;
using Microsoft.Extensions.DependencyInjection;
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

    public static Task<int> RunAsync(string[] args, ConsoleIO io, CancellationToken cancellationToken) =>
        RunAsync(args, io, configure: null, cancellationToken);

    /// <summary>Runs with <paramref name="configure"/> applied last, so tests can swap services such as the clock.</summary>
    public static async Task<int> RunAsync(string[] args, ConsoleIO io, Action<IServiceCollection>? configure, CancellationToken cancellationToken)
    {
        switch (args)
        {
            case ["content", "check", .. var rest]:
                return ContentCheck.Run(rest.FirstOrDefault() ?? "content", io.Output);
            case ["srs", "replay"]:
                return await SrsReplayCommand.RunAsync(io, cancellationToken);
            case ["grade", .. var gradeArgs]:
                var content = ContentCheck.LoadForTool();
                return content is null
                    ? ExitBadContent
                    : await GradeCommand.RunAsync(gradeArgs, content, io.Input, Console.OpenStandardOutput(), Console.Error, cancellationToken);
            case ["embed"]:
                return await EmbedCommand.RunAsync(MiniLmSentenceEncoder.Shared, io.Input, io.Output, cancellationToken);
            case ["health", .. var healthArgs]:
                return await HealthCommand.RunAsync(healthArgs, io.Output, cancellationToken);
            case ["backup", .. var backupArgs]:
                return await BackupCommand.RunAsync(backupArgs, io.Output, cancellationToken);
            case ["help" or "--help" or "-h"]:
                await io.Output.WriteLineAsync(Usage);
                return ExitOk;
        }

        // A bare switch would swallow the next argument as its value in .NET's command-line configuration.
        args = [.. args.Select(a => a == "--console" ? "--Bot:Console=true" : a)];
        try
        {
            var builder = BotHost.CreateBuilder(args, io);
            configure?.Invoke(builder.Services);
            using var host = builder.Build();
            // Resolved before running: RunAsync disposes the host's services when it returns.
            var exit = host.Services.GetRequiredService<ExitCode>();
            await host.RunAsync(cancellationToken);
            return exit.Code;
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
        backendprep grade [--semantic] <prompt-id> < answer.txt
        backendprep grade [--semantic] --jsonl < answers.jsonl
                                    grade answers against a prompt's rubric, print JSON
                                    (--semantic adds MiniLM sentence similarity)
        backendprep embed < sentences.txt
                                    print each line's MiniLM vector as "sentence<TAB>v1 v2 ..." (grading experiments)
        backendprep health [--Ops:Port=N]
                                    GET the running bot's /healthz on its ops port; exit 0 when healthy
        backendprep backup [--Ops:Port=N]
                                    ask the running bot for a verified copy of its database (POST /backup);
                                    needs Storage:Backup:Directory set on the bot; exit 0 when taken
        backendprep srs replay < reviews.json
                                    replay FSRS-6 reviews {"reviews":[{"at":..,"rating":1-4}]} and print the states
        """;
}
