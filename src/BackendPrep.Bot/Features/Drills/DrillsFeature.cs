using BackendPrep.Bot.Features.Progress;
using BackendPrep.Bot.Features.Topics;
using BackendPrep.Bot.Hosting;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Reminders;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Storage;
using BackendPrep.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BackendPrep.Bot.Features.Drills;

/// <summary>
/// Spaced-repetition drills (FSRS-6): <c>/drill next</c>, <c>/drill cram</c>, <c>/drill settings</c>, the reveal,
/// rating and typed-answer controls, the topic page's "Drill this topic" and the reminder's "Start my drills".
/// Discord cannot have a bare <c>/drill</c> next to subcommands, so the daily queue is <c>/drill next</c>.
/// </summary>
public static class DrillsFeature
{
    public const string RevealRoute = "drill.reveal";
    public const string RateRoute = "drill.rate";
    public const string TypeRoute = "drill.type";
    public const string TypedRoute = "drill.typed";

    /// <summary>Anyone may press it (owner <c>*</c>): it opens the presser's own drill.</summary>
    public const string StartRoute = "drill.start";

    public static IServiceCollection AddDrills(this IServiceCollection services)
    {
        services.AddStudyStores();
        services.AddSingleton<DrillService>();
        services.AddScoped<DrillCommands>();

        // Replaces progress's empty default, whichever feature registered first.
        services.AddSingleton<IDrillHistory, StoredDrillHistory>();
        return services.AddRoutes(routes => routes
            .Command<DrillCommands>(
                new CommandSpec("drill next", "Your next due flashcard (spaced repetition)")
                {
                    Options = [new OptionSpec("deck", "Which deck") { Choices = [.. DrillDeck.ByName.Keys.Select(k => new Choice(k, k))] }],
                },
                (h, inv, ct) => h.NextAsync(inv, ct))
            .Command<DrillCommands>(
                new CommandSpec("drill cram", "Go through one topic's cards now, without changing your schedule")
                {
                    Options = [new OptionSpec("topic", "Topic (type to search)", Required: true) { Autocomplete = true }],
                },
                (h, inv, ct) => h.CramAsync(inv, ct))
            .Autocomplete<DrillCommands>("drill cram", "topic", (h, inv, ct) => h.SuggestTopicsAsync(inv))
            .Command<DrillCommands>(
                new CommandSpec("drill settings", "Interview date, retention, new cards per day, your time zone")
                {
                    Options =
                    [
                        new OptionSpec("interview-date", "YYYY-MM-DD, or off"),
                        new OptionSpec("retention", "0.75–0.97 (default 0.9)", OptionKind.Number),
                        new OptionSpec("new-per-day", "New cards a day (default 10)", OptionKind.Integer),
                        new OptionSpec("timezone", "IANA time zone, e.g. Europe/Berlin") { Autocomplete = true },
                    ],
                },
                (h, inv, ct) => h.SettingsAsync(inv, ct))
            .Autocomplete<DrillCommands>("drill settings", "timezone", (h, inv, ct) => ZoneChoices(inv))
            .Component<DrillCommands>(RevealRoute, (h, inv, id, ct) => h.RevealAsync(inv, id, ct))
            .Component<DrillCommands>(RateRoute, (h, inv, id, ct) => h.RateAsync(inv, id, ct))
            .Component<DrillCommands>(TypeRoute, (h, inv, id, ct) => h.AskAnswerAsync(id), opensForm: true)
            .Form<DrillCommands>(TypedRoute, (h, inv, id, ct) => h.CheckAnswerAsync(inv, id, ct))
            .Component<DrillCommands>(TopicsFeature.DrillTopicRoute, (h, inv, id, ct) => h.TopicAsync(inv, id, ct))
            .Component<DrillCommands>(StartRoute, (h, inv, id, ct) => h.StartAsync(inv, ct)));
    }

    internal static ValueTask<IReadOnlyList<Choice>> ZoneChoices(Invocation invocation) =>
        ValueTask.FromResult<IReadOnlyList<Choice>>([.. TimeZoneNames.Suggest(invocation.FocusedValue).Select(n => new Choice(n, n))]);
}
