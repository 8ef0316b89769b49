using BackendPrep.Bot.Interactions;
using BackendPrep.Discord.Models;

namespace BackendPrep.Bot.Transports.Discord;

/// <summary>
/// Builds Discord's command definitions from the route table, grouping "study start"/"study stop" into one command
/// with subcommands, so registration always matches what the router serves.
/// </summary>
internal static class CommandDefinitions
{
    public static IReadOnlyList<ApplicationCommandDefinition> From(RouteTable routes) =>
        [.. routes.Commands.GroupBy(c => c.Root).OrderBy(g => g.Key, StringComparer.Ordinal).Select(Define)];

    private static ApplicationCommandDefinition Define(IGrouping<string, CommandSpec> group)
    {
        var top = group.FirstOrDefault(c => c.Sub is null);
        var subs = group.Where(c => c.Sub is not null).ToList();
        var permissions = group.Max(c => c.RequiredPermissions);
        var guildOnly = group.All(c => c.GuildOnly);
        var definition = new ApplicationCommandDefinition
        {
            Name = group.Key,
            Description = top?.Description ?? $"{group.Key} commands",
            Options = subs.Count == 0
                ? (top?.Options.Count > 0 ? [.. top.Options.Select(Option)] : null)
                : [.. subs.Select(s => new ApplicationCommandOptionDefinition
                {
                    Type = ApplicationCommandOptionType.SubCommand,
                    Name = s.Sub!,
                    Description = s.Description,
                    Options = s.Options.Count > 0 ? [.. s.Options.Select(Option)] : null,
                })],
            Contexts = guildOnly ? [InteractionContextType.Guild] : [InteractionContextType.Guild, InteractionContextType.BotDm],
        };
        return permissions == 0 ? definition : definition with { DefaultMemberPermissions = permissions.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    private static ApplicationCommandOptionDefinition Option(OptionSpec option) => new()
    {
        Type = option.Kind switch
        {
            OptionKind.Integer => ApplicationCommandOptionType.Integer,
            OptionKind.Boolean => ApplicationCommandOptionType.Boolean,
            OptionKind.User => ApplicationCommandOptionType.User,
            OptionKind.Channel => ApplicationCommandOptionType.Channel,
            OptionKind.Role => ApplicationCommandOptionType.Role,
            OptionKind.Number => ApplicationCommandOptionType.Number,
            _ => ApplicationCommandOptionType.String,
        },
        Name = option.Name,
        Description = option.Description,
        Required = option.Required ? true : null,
        Autocomplete = option.Autocomplete ? true : null,
        Choices = option.Choices.Count > 0 ? [.. option.Choices.Select(c => new CommandChoice(c.Name, new ChoiceValue(c.Value)))] : null,
        MaxLength = option.MaxLength,
    };
}
