using BackendPrep.Bot.Hosting;
using BackendPrep.Core.Grading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Grading;

/// <summary>Builds the one <see cref="AnswerGrader"/>: lexical, or lexical plus MiniLM similarity (Grading:Semantic).</summary>
internal static class GradingSetup
{
    public static IServiceCollection AddGrading(this IServiceCollection services)
    {
        services.AddOptions<GradingOptions>().BindConfiguration(GradingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GradingOptions>>().Value;
            return options.Semantic
                ? new AnswerGrader(new SemanticMatching(MiniLmSentenceEncoder.Shared, options.SemanticThreshold, options.SemanticMargin))
                : new AnswerGrader();
        });
        return services;
    }

    /// <summary>For the CLI, without a host: the caller disposes the encoder it gets back.</summary>
    public static (AnswerGrader Grader, IDisposable? Model) Create(bool semantic)
    {
        if (!semantic)
        {
            return (new AnswerGrader(), null);
        }

        var encoder = new MiniLmSentenceEncoder();
        return (new AnswerGrader(new SemanticMatching(encoder, SemanticMatching.DefaultThreshold, SemanticMatching.DefaultMargin)), encoder);
    }
}
