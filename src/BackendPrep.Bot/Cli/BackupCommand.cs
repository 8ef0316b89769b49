namespace BackendPrep.Bot.Cli;

/// <summary>
/// <c>backendprep backup</c>: asks the running bot for a backup (<c>POST /backup</c> on its ops port) and prints the
/// answer, which names the copy and its counts; exits 0 when the copy was taken and verified.
/// </summary>
internal static class BackupCommand
{
    /// <summary>A large file takes a while to copy and verify; this only guards against a bot that never answers.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken) =>
        OpsPortClient.SendAsync("backup", HttpMethod.Post, "/backup", Timeout, args, output, cancellationToken);
}
