using BackendPrep.Bot.Hosting;
using BackendPrep.Core.Grading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Grading;

/// <summary>Builds the one <see cref="AnswerGrader"/>: lexical, or lexical plus MiniLM similarity (Grading:Semantic).</summary>
internal static class GradingSetup
{
    public static IServiceCollection AddGrading(this IServiceCollection services)
    {
        services.AddOptions<GradingOptions>().BindConfiguration(GradingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GradingOptions>, GradingOptionsValidation>();
        services.AddSingleton(sp => new SentenceModel(() => MiniLmSentenceEncoder.Shared, sp.GetRequiredService<ILogger<SentenceModel>>()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GradingOptions>>().Value;
            return options.Semantic
                ? new AnswerGrader(new SemanticMatching(sp.GetRequiredService<SentenceModel>(), options.SemanticThreshold, options.SemanticMargin))
                : new AnswerGrader();
        });
        services.AddHostedService<ModelWarmup>();
        return services;
    }

    /// <summary>For the CLI, without a host.</summary>
    public static AnswerGrader Create(bool semantic) => semantic
        ? new AnswerGrader(new SemanticMatching(MiniLmSentenceEncoder.Shared, SemanticMatching.DefaultThreshold, SemanticMatching.DefaultMargin))
        : new AnswerGrader();
}
