using BackendPrep.Bot.Hosting;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Progress;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Storage;
using BackendPrep.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BackendPrep.Bot.Features.Progress;

/// <summary>Per-user progress with a chart (<c>/progress</c>), what members share with each other, and <c>/leaderboard</c>.</summary>
public static class ProgressFeature
{
    public const string PracticeItemRoute = "progress.item";

    /// <summary>The Prompts feature's "start a prompt on this rubric item" route (args: prompt key, item id), used when registered.</summary>
    public const string PromptItemRoute = "prompt.item";

    public static IServiceCollection AddProgress(this IServiceCollection services)
    {
        services.AddStudyStores();
        services.TryAddSingleton<IDrillHistory, NoDrillHistory>();
        services.TryAddSingleton(_ => new Leaderboard());
        services.AddScoped<ProgressCommands>();
        services.AddScoped<LeaderboardCommands>();

        // The digest posts on Mondays at the group reminders' time (no group reminder, no digest).
        services.AddHostedService<WeeklyDigestPoster>();

        return services.AddRoutes(routes => routes
            .Command<ProgressCommands>(
                new CommandSpec("progress", "Your progress: topics, prompt coverage, drills and streak, with a chart")
                {
                    Options = [new OptionSpec("user", "See what another member shares instead", OptionKind.User)],
                },
                (h, inv, ct) => h.ShowAsync(inv, ct))
            .Component<ProgressCommands>(PracticeItemRoute, (h, inv, id, ct) => h.PracticeAsync(id, ct))
            .Command<LeaderboardCommands>(
                new CommandSpec("leaderboard", "This server's members who opted in, ranked")
                {
                    GuildOnly = true,
                    Options =
                    [
                        new OptionSpec("period", "Which days count (default: week)")
                        {
                            Choices = [new Choice("week", "week"), new Choice("month", "month"), new Choice("all time", "all")],
                        },
                        new OptionSpec("by", "What to rank by (default: reviews)")
                        {
                            Choices = [new Choice("streak", "streak"), new Choice("reviews", "reviews"), new Choice("coverage", "coverage")],
                        },
                        new OptionSpec("public", "Post it in the channel for everyone", OptionKind.Boolean),
                    ],
                },
                (h, inv, ct) => h.ShowAsync(inv, ct)));
    }
}
