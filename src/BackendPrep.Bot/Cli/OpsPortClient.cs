using System.Net;
using BackendPrep.Bot.Hosting;
using BackendPrep.Bot.Operations;
using Microsoft.Extensions.Configuration;

namespace BackendPrep.Bot.Cli;

/// <summary>Finds the running bot's ops port from the same sources the bot reads (environment, then the command line).</summary>
internal static class OpsPortClient
{
    /// <summary>The URL of <paramref name="path"/> on the ops port, or null when no usable <c>Ops:Port</c>/<c>Ops:Address</c> is configured.</summary>
    public static Uri? UrlFor(string[] args, string path)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables(BotHost.EnvironmentPrefix)
            .AddCommandLine(args)
            .Build();
        var ops = configuration.GetSection(OpsOptions.Section).Get<OpsOptions>() ?? new OpsOptions();
        if (ops.Port is not ({ } port and > 0 and <= 65535) || !IPAddress.TryParse(ops.Address, out var address))
        {
            return null;
        }

        // A wildcard bind is reached on loopback from inside the same host or container.
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            address = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        return new UriBuilder("http", address.ToString(), port, path).Uri;
    }
}
