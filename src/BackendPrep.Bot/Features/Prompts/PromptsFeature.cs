using System.Globalization;
using BackendPrep.Bot.Features.Topics;
using BackendPrep.Bot.Hosting;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Grading;
using BackendPrep.Core.Prompts;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Storage;
using BackendPrep.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BackendPrep.Bot.Features.Prompts;

/// <summary>
/// Interview prompts: <c>/prompt</c>, answering in a form, grading against the rubric with follow-ups, and group
/// rounds with a live tally. Every attempt is stored for progress and for weighting the next prompt.
/// </summary>
public static class PromptsFeature
{
    public const string AnswerRoute = "prompt.answer";
    public const string SubmitRoute = "prompt.submit";
    public const string HintRoute = "prompt.hint";
    public const string AnotherRoute = "prompt.another";
    public const string FollowUpRoute = "prompt.fu";
    public const string FollowUpSubmitRoute = "prompt.fu.submit";
    public const string RoundAnswerRoute = "prompt.round.answer";
    public const string RoundSubmitRoute = "prompt.round.submit";
    public const string RoundRevealRoute = "prompt.round.reveal";

    public static IServiceCollection AddPrompts(this IServiceCollection services)
    {
        services.TryAddSingleton<AnswerGrader>();
        services.AddStudyStores();
        services.TryAddSingleton(_ => new PromptPicker(Random.Shared));
        services.AddSingleton<RoundBoard>();
        services.AddScoped<AnswerFlow>();
        services.AddScoped<RoundCommands>();
        services.AddScoped<PromptCommands>();
        return services.AddRoutes(routes => routes
            .Command<PromptCommands>(
                new CommandSpec("prompt", "An interview prompt to answer, graded against its rubric with follow-up questions")
                {
                    PostsPublicly = true,
                    Options =
                    [
                        new OptionSpec("topic", "Topic (type to search)") { Autocomplete = true },
                        new OptionSpec("level", "Seniority of the prompt")
                        {
                            Choices = [new Choice("mid", "mid"), new Choice("senior", "senior"), new Choice("staff", "staff")],
                        },
                        new OptionSpec("random", "Uniformly random instead of aimed at your weak spots", OptionKind.Boolean),
                        new OptionSpec("public", "Run a group round in this channel: everyone answers privately", OptionKind.Boolean),
                    ],
                },
                (h, inv, ct) => h.PromptAsync(inv, ct))
            .Autocomplete<PromptCommands>("prompt", "topic", (h, inv, ct) => h.SuggestTopicsAsync(inv))
            .Component<PromptCommands>(AnswerRoute, (h, inv, id, ct) => h.AnswerAsync(inv, id, ct), opensForm: true)
            .Form<PromptCommands>(SubmitRoute, (h, inv, id, ct) => h.SubmitAsync(inv, id, ct))
            .Component<PromptCommands>(HintRoute, (h, inv, id, ct) => h.HintAsync(id))
            .Component<PromptCommands>(AnotherRoute, (h, inv, id, ct) => h.AnotherAsync(inv, id, ct))
            .Component<PromptCommands>(TopicsFeature.PromptsForTopicRoute, (h, inv, id, ct) => h.ForTopicAsync(inv, id, ct))
            .Component<AnswerFlow>(FollowUpRoute, (h, inv, id, ct) => h.FollowUpFormAsync(id, inv, ct), opensForm: true)
            .Form<AnswerFlow>(FollowUpSubmitRoute, (h, inv, id, ct) =>
                h.FollowUpAsync(id.Arg(0), int.TryParse(id.Arg(1), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1, inv, ct))
            .Component<RoundCommands>(RoundAnswerRoute, (h, inv, id, ct) => h.AnswerAsync(inv, id, ct), opensForm: true)
            .Form<RoundCommands>(RoundSubmitRoute, (h, inv, id, ct) => h.SubmitAsync(inv, id, ct))
            .Component<RoundCommands>(RoundRevealRoute, (h, inv, id, ct) => h.RevealAsync(inv, id, ct)));
    }
}
