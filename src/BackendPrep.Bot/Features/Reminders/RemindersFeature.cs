using BackendPrep.Bot.Hosting;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Storage;
using BackendPrep.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Features.Reminders;

/// <summary>
/// Daily group reminders (<c>/reminders set|show|off</c>, Manage Server) and personal DM nudges (<c>/nudge</c>; not
/// under <c>/reminders</c> because Discord applies a command's default permissions to all its subcommands).
/// </summary>
public static class RemindersFeature
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddOptions<RemindersOptions>().BindConfiguration(RemindersOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RemindersOptions>, RemindersOptionsValidation>();
        services.AddStudyStores();
        services.AddSingleton<ReminderSignal>();
        services.AddSingleton<ReminderMessages>();
        services.AddSingleton<ReminderMetrics>();
        services.AddSingleton<ReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderService>());
        services.AddHealthChecks().AddCheck<ReminderLoopHealthCheck>("reminders");
        services.AddScoped<ReminderCommands>();

        OptionSpec time = new("time", "Local time, 24-hour HH:mm (e.g. 09:00)", Required: true);
        OptionSpec zone = new("timezone", "IANA time zone, e.g. Europe/Berlin", Required: true) { Autocomplete = true };
        return services.AddRoutes(routes => routes
            .Command<ReminderCommands>(
                new CommandSpec("reminders set", "Post a daily drill reminder in a channel at the group's local time")
                {
                    Options =
                    [
                        new OptionSpec("channel", "Where to post", OptionKind.Channel, Required: true),
                        time,
                        zone,
                        new OptionSpec("days", "e.g. mon-fri, mon,wed,fri, weekends (default: every day)"),
                        new OptionSpec("role", "Role to ping", OptionKind.Role),
                    ],
                    GuildOnly = true,
                    RequiredPermissions = Member.ManageGuild,
                },
                (h, inv, ct) => h.SetAsync(inv, ct))
            .Autocomplete<ReminderCommands>("reminders set", "timezone", (h, inv, ct) => ReminderCommands.ZoneChoices(inv))
            .Command<ReminderCommands>(
                new CommandSpec("reminders show", "The daily reminder and whether it is healthy") { GuildOnly = true, RequiredPermissions = Member.ManageGuild },
                (h, inv, ct) => h.ShowAsync(inv, ct))
            .Command<ReminderCommands>(
                new CommandSpec("reminders off", "Switch the daily reminder off") { GuildOnly = true, RequiredPermissions = Member.ManageGuild },
                (h, inv, ct) => h.OffAsync(inv, ct))
            .Command<ReminderCommands>(
                new CommandSpec("nudge", "A DM at your local time when you have cards due and haven't drilled")
                {
                    Options = [time with { Required = false }, zone with { Required = false }, new OptionSpec("off", "Switch nudges off", OptionKind.Boolean)],
                },
                (h, inv, ct) => h.NudgeAsync(inv, ct))
            .Autocomplete<ReminderCommands>("nudge", "timezone", (h, inv, ct) => ReminderCommands.ZoneChoices(inv)));
    }
}
