using BackendPrep.Bot.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Grading;

/// <summary>
/// Loads the MiniLM model in the background once the host has started, so READY is not delayed by it (about half a
/// second and a few hundred MB) and the first answer does not pay for it. A model that cannot load is not fatal: the
/// bot keeps grading lexically (<see cref="SentenceModel"/> logs the warning).
/// </summary>
internal sealed partial class ModelWarmup(IOptions<GradingOptions> options, SentenceModel model, ILogger<ModelWarmup> log)
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
            if (await Task.Run(model.Load, stoppingToken))
            {
                LogLoaded(log);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Semantic grading model loaded (Grading:Semantic=true)")]
    private static partial void LogLoaded(ILogger logger);
}
