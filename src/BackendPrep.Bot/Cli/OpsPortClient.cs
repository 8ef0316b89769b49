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
        {
            address = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        }

        return new UriBuilder("http", address.ToString(), port, path).Uri;
    }

    /// <summary>
    /// Sends one request to the running bot's ops port for the <paramref name="verb"/> CLI command, prints the status and
    /// body, and exits 0 only on 200: the shape shared by <c>health</c> and <c>backup</c>.
    /// </summary>
    public static async Task<int> SendAsync(string verb, HttpMethod method, string path, TimeSpan timeout, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        if (UrlFor(args, path) is not { } url)
        {
            await output.WriteLineAsync($"{verb}: Ops:Port (1..65535) and Ops:Address must be set to reach the running bot's ops port.");
            return BotProgram.ExitBadConfiguration;
        }

        using var http = new HttpClient { Timeout = timeout };
        try
        {
            using var request = new HttpRequestMessage(method, url);
            using var response = await http.SendAsync(request, cancellationToken);
            await output.WriteLineAsync($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            return response.StatusCode == HttpStatusCode.OK ? BotProgram.ExitOk : BotProgram.ExitFailure;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"{verb}: {url} did not answer: {ex.Message}");
            return BotProgram.ExitFailure;
        }
    }
}
