using BackendPrep.Bot.Features.Drills;
using BackendPrep.Bot.Features.Help;
using BackendPrep.Bot.Features.Privacy;
using BackendPrep.Bot.Features.Progress;
using BackendPrep.Bot.Features.Prompts;
using BackendPrep.Bot.Features.Reference;
using BackendPrep.Bot.Features.Reminders;
using BackendPrep.Bot.Features.Study;
using BackendPrep.Bot.Features.Topics;
using Microsoft.Extensions.DependencyInjection;

namespace BackendPrep.Bot.Hosting;

/// <summary>Every feature joins the host through its own <c>AddXxx()</c>; this is the list.</summary>
internal static class Features
{
    public static IServiceCollection AddBotFeatures(this IServiceCollection services) => services
        .AddHelp()
        .AddTopics()
        .AddPrompts()
        .AddReference()
        .AddStudy()
        .AddProgress()
        .AddPrivacy()
        .AddDrills()
        .AddReminders();
}
