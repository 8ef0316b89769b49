using BackendPrep.Bot.Hosting;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Progress;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Storage;
using BackendPrep.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BackendPrep.Bot.Features.Privacy;

/// <summary><c>/privacy</c>: what is stored and who sees it, the sharing switches, export, and erasure after a confirm.</summary>
public static class PrivacyFeature
{
    public const string EraseRoute = "privacy.erase";
    public const string KeepRoute = "privacy.keep";

    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddStudyStores();
        services.AddScoped<PrivacyCommands>();
        return services.AddRoutes(routes => routes
            .Command<PrivacyCommands>(
                new CommandSpec("privacy", "What the bot stores about you and who can see it; export or delete it")
                {
                    Options =
                    [
                        new OptionSpec("action", "Show (default), export your data as JSON, or delete all of it")
                        {
                            Choices = [new Choice("show", "show"), new Choice("export", "export"), new Choice("delete", "delete")],
                        },
                        new OptionSpec("leaderboard", "Appear on this server's /leaderboard")
                        {
                            Choices = [new Choice("on", "on"), new Choice("off", "off")],
                        },
                        new OptionSpec("public", "What others see: streak, topics, reviews, coverage, sessions, all or none") { MaxLength = 100 },
                    ],
                },
                (h, inv, ct) => h.RunAsync(inv, ct))
            .Component<PrivacyCommands>(EraseRoute, (h, inv, id, ct) => h.EraseAsync(inv, id, ct))
            .Component<PrivacyCommands>(KeepRoute, (h, inv, id, ct) => ValueTask.FromResult<Response>(Reply.Say("Kept: nothing was deleted.").Replacing())));
    }
}
