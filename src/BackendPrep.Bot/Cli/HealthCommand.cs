using System.Net;
using BackendPrep.Bot.Hosting;
using BackendPrep.Bot.Operations;
using Microsoft.Extensions.Configuration;

namespace BackendPrep.Bot.Cli;

/// <summary>
/// <c>backendprep health</c>: GETs the running bot's <c>/healthz</c> on its ops port and exits 0 when it answers 200.
/// The runtime image has neither curl nor wget, so the Dockerfile's HEALTHCHECK runs this instead.
/// </summary>
internal static class HealthCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        // The same sources as the bot (environment with its prefix, then the command line), so it finds the same port.
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables(BotHost.EnvironmentPrefix)
            .AddCommandLine(args)
            .Build();
        var ops = configuration.GetSection(OpsOptions.Section).Get<OpsOptions>() ?? new OpsOptions();
        if (ops.Port is not ({ } port and > 0 and <= 65535) || !IPAddress.TryParse(ops.Address, out var address))
        {
            await output.WriteLineAsync("health: Ops:Port (1..65535) and Ops:Address must be set to reach the ops endpoint.");
            return BotProgram.ExitBadConfiguration;
        }

        // A wildcard bind is reached on loopback from inside the same host or container.
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            address = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        var url = new UriBuilder("http", address.ToString(), port, "/healthz").Uri;
        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            await output.WriteLineAsync($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            return response.StatusCode == HttpStatusCode.OK ? BotProgram.ExitOk : BotProgram.ExitFailure;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"health: {url} did not answer: {ex.Message}");
            return BotProgram.ExitFailure;
        }
    }
}
