using System.Net;

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
        if (OpsPortClient.UrlFor(args, "/healthz") is not { } url)
        {
            await output.WriteLineAsync("health: Ops:Port (1..65535) and Ops:Address must be set to reach the ops endpoint.");
            return BotProgram.ExitBadConfiguration;
        }

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
