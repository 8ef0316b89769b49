using BackendPrep.Bot.Transports.Console;
using BackendPrep.Bot.Transports.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BackendPrep.Bot.Transports;

/// <summary>Console chat when no Discord token is configured (or <c>--console</c>), Discord otherwise.</summary>
internal static class TransportSelection
{
    public static bool UsesConsole(IConfiguration configuration) =>
        configuration.GetValue<bool>("Bot:Console") || string.IsNullOrWhiteSpace(configuration["Discord:Token"]);

    public static IServiceCollection AddTransport(this IServiceCollection services, IConfiguration configuration, ConsoleIO io)
    {
        if (!UsesConsole(configuration))
        {
            return services.AddDiscordTransport(configuration);
        }

        services.AddSingleton(io);
        services.AddSingleton(ConsoleUser.Local);
        services.AddSingleton<ConsoleChat>();
        services.AddHostedService(sp => sp.GetRequiredService<ConsoleChat>());
        services.AddSingleton<IChannelMessenger, ConsoleMessenger>();
        return services;
    }
}
