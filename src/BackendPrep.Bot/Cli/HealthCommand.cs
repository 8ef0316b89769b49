namespace BackendPrep.Bot.Cli;

/// <summary>
/// <c>backendprep health</c>: GETs the running bot's <c>/healthz</c> on its ops port and exits 0 when it answers 200.
/// The runtime image has neither curl nor wget, so the Dockerfile's HEALTHCHECK runs this instead.
/// </summary>
internal static class HealthCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken) =>
        OpsPortClient.SendAsync("health", HttpMethod.Get, "/healthz", Timeout, args, output, cancellationToken);
}
