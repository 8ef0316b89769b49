using System.Globalization;
using BackendPrep.Bot.Interactions;
using BackendPrep.Discord.Models;

namespace BackendPrep.Bot.Transports.Discord;

/// <summary>Reads a Discord interaction into the transport-neutral <see cref="Invocation"/>; null for kinds we do not serve.</summary>
internal static class DiscordInvocations
{
    public static Invocation? From(Interaction interaction)
    {
        var kind = interaction.Type switch
        {
            InteractionType.ApplicationCommand => InvocationKind.Command,
            InteractionType.MessageComponent => InvocationKind.Component,
            InteractionType.ModalSubmit => InvocationKind.Form,
            InteractionType.ApplicationCommandAutocomplete => InvocationKind.Autocomplete,
            _ => (InvocationKind?)null,
        };
        if (kind is null || interaction.InvokingUser is not { } user)
        {
            return null;
        }

        var data = interaction.Data;
        var invocation = new Invocation
        {
            Kind = kind.Value,
            Id = interaction.Id.ToString(CultureInfo.InvariantCulture),
            User = new Member(user.Id.ToString(CultureInfo.InvariantCulture), user.DisplayName, (ulong)interaction.MemberPermissions),
            GuildId = interaction.GuildId?.ToString(CultureInfo.InvariantCulture),
            ChannelId = interaction.ChannelId?.ToString(CultureInfo.InvariantCulture),
        };
        if (data is null)
        {
            return invocation;
        }

        switch (kind.Value)
        {
            case InvocationKind.Command or InvocationKind.Autocomplete:
                var path = data.GetCommandPath();
                var name = string.Join(' ', new[] { path.Command, path.Group, path.SubCommand }.Where(s => !string.IsNullOrEmpty(s)));
                var options = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var option in path.Options)
                {
                    // Discord never repeats or omits an option name; a payload that does gets the first, not an exception.
                    if (!string.IsNullOrEmpty(option.Name))
                    {
                        options.TryAdd(option.Name, option.AsString() ?? "");
                    }
                }

                invocation = invocation with { Command = name, Options = options };
                if (data.FocusedOption is { } focused)
                {
                    invocation = invocation with { FocusedOption = focused.Name, FocusedValue = focused.AsString() ?? "" };
                }

                return invocation;
            case InvocationKind.Component:
                return invocation with { Action = data.CustomId, Selected = data.Values ?? [] };
            default:
                var fields = data.GetSubmittedFields().ToDictionary(f => f.Key, f => f.Value.Value ?? string.Join(',', f.Value.Values ?? []), StringComparer.Ordinal);
                return invocation with { Action = data.CustomId, Fields = fields };
        }
    }
}
