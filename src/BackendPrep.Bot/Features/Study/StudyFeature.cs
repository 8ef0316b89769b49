using BackendPrep.Bot.Hosting;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Storage;
using BackendPrep.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BackendPrep.Bot.Features.Study;

/// <summary>Time-boxed study sessions (<c>/study</c>) with timers that survive restarts, and the incident drill (<c>/incident</c>).</summary>
public static class StudyFeature
{
    public const string AssessRoute = "study.assess";
    public const string AssessFormRoute = "study.assessed";
    public const string IncidentFormRoute = "incident.submit";

    public static IServiceCollection AddStudy(this IServiceCollection services)
    {
        services.AddStudyStores();
        services.AddSingleton<StudyTimerSignal>();
        services.AddHostedService<StudyTimer>();
        services.AddScoped<StudyCommands>();
        services.AddScoped<IncidentCommands>();
        return services.AddRoutes(routes => routes
            .Command<StudyCommands>(
                new CommandSpec("study", "A time-boxed study session (A postmortem, B diagram, C incident), or stop yours")
                {
                    Options =
                    [
                        new OptionSpec("pattern", "Which session", Required: true)
                        {
                            Choices =
                            [
                                new Choice("A — Endpoint postmortem (12 min)", "a"),
                                new Choice("B — Distributed diagram (35 min)", "b"),
                                new Choice("C — Incident compression (15 min)", "c"),
                                new Choice("Stop my running session", StudyCommands.Stop),
                            ],
                        },
                    ],
                },
                (h, inv, ct) => h.RunAsync(inv, ct))
            .Component<StudyCommands>(AssessRoute, (h, inv, id, ct) => h.AskAssessmentAsync(id), opensForm: true)
            .Form<StudyCommands>(AssessFormRoute, (h, inv, id, ct) => h.RecordAssessmentAsync(inv, id, ct))
            .Command<IncidentCommands>(new CommandSpec("incident", "Compress an incident story into the five-part template") { OpensForm = true }, (h, inv, ct) => h.OpenAsync(inv))
            .Form<IncidentCommands>(IncidentFormRoute, (h, inv, id, ct) => h.CheckAsync(inv)));
    }
}
