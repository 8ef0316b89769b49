using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Replies;
using Microsoft.Extensions.DependencyInjection;

namespace BackendPrep.Bot.Features.Topics;

/// <summary>Topic pages and the study plan: <c>/topic</c>, <c>/plan</c>, and the section and mark-learned buttons.</summary>
public static class TopicsFeature
{
    public const string SectionRoute = "topic.section";
    public const string LearnRoute = "topic.learn";

    /// <summary>Routes other features may offer from a topic page (registered by the Prompts and Drills features).</summary>
    public const string PromptsForTopicRoute = "prompt.topic";
    public const string DrillTopicRoute = "drill.topic";

    private static readonly OptionSpec PublicOption = new("public", "Post it in the channel for everyone", OptionKind.Boolean);

    public static IServiceCollection AddTopics(this IServiceCollection services)
    {
        services.AddScoped<TopicCommands>();
        return services.AddRoutes(routes => routes
            .Command<TopicCommands>(
                new CommandSpec("topic", "Read a study topic: core details, understanding, senior view, diagram")
                {
                    Options = [new OptionSpec("name", "Topic (type to search)", Required: true) { Autocomplete = true }, PublicOption],
                },
                (h, inv, ct) => h.ShowAsync(inv, ct))
            .Autocomplete<TopicCommands>("topic", "name", (h, inv, ct) => h.SuggestAsync(inv))
            .Command<TopicCommands>(
                new CommandSpec("plan", "The study plan in order, with your ticks and what to study next"),
                (h, inv, ct) => h.PlanAsync(inv, ct))
            .Component<TopicCommands>(SectionRoute, (h, inv, id, ct) => h.SectionAsync(inv, id, ct))
            .Component<TopicCommands>(LearnRoute, (h, inv, id, ct) => h.MarkLearnedAsync(inv, id, ct)));
    }
}
