using System.Text;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Replies;
using Microsoft.Extensions.DependencyInjection;

namespace BackendPrep.Bot.Features.Help;

/// <summary><c>/help</c>: generated from the router's registrations, so it lists exactly what the bot serves.</summary>
public static class HelpFeature
{
    public static IServiceCollection AddHelp(this IServiceCollection services)
    {
        services.AddScoped<HelpCommand>();
        return services.AddRoutes(routes => routes.Command<HelpCommand>(
            new CommandSpec("help", "Every command, one line each"),
            (h, inv, ct) => h.RunAsync(ct)));
    }
}

internal sealed class HelpCommand(InteractionRouter router)
{
    public ValueTask<Response> RunAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var command in router.Routes.Commands.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var options = string.Concat(command.Options.Select(o => o.Required ? $" {o.Name}:" : $" [{o.Name}:]"));
            text.AppendLine($"`/{command.Name}{options}` — {command.Description}");
        }

        return ValueTask.FromResult<Response>(Reply.Show(new ReplyCard("BackendPrep commands", text.ToString().TrimEnd())
        {
            Footer = "Personal results are private to you; add public:true to share a page with the channel.",
        }));
    }
}
