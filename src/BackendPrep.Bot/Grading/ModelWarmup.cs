using BackendPrep.Bot.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Grading;

/// <summary>
/// Loads the MiniLM model in the background once the host has started, so READY is not delayed by it (about half a
/// second and a few hundred MB) and the first answer does not pay for it. A model that cannot load stops the bot.
/// </summary>
internal sealed partial class ModelWarmup(IOptions<GradingOptions> options, IHostApplicationLifetime lifetime, ExitCode exit, ILogger<ModelWarmup> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Semantic)
        {
            return;
        }

        try
        {
            await Task.Run(() => MiniLmSentenceEncoder.Shared.Encode(["warm up"]), stoppingToken);
            LogLoaded(log);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogFailed(log, ex);
            exit.Fail();
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Semantic grading model loaded (Grading:Semantic=true)")]
    private static partial void LogLoaded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Semantic grading model failed to load; set Grading:Semantic=false to grade lexically")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
