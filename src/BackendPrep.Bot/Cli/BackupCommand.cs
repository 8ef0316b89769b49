using System.Net;

namespace BackendPrep.Bot.Cli;

/// <summary>
/// <c>backendprep backup</c>: asks the running bot for a backup (<c>POST /backup</c> on its ops port) and prints the
/// answer, which names the copy and its counts; exits 0 when the copy was taken and verified.
/// </summary>
internal static class BackupCommand
{
    /// <summary>A large file takes a while to copy and verify; this only guards against a bot that never answers.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        if (OpsPortClient.UrlFor(args, "/backup") is not { } url)
        {
            await output.WriteLineAsync("backup: Ops:Port (1..65535) and Ops:Address must be set to reach the running bot.");
            return BotProgram.ExitBadConfiguration;
        }

        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await http.PostAsync(url, content: null, cancellationToken);
            await output.WriteLineAsync($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            return response.StatusCode == HttpStatusCode.OK ? BotProgram.ExitOk : BotProgram.ExitFailure;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"backup: {url} did not answer: {ex.Message}");
            return BotProgram.ExitFailure;
        }
    }
}
