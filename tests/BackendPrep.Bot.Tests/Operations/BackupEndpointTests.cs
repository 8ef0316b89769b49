using System.Net;
using System.Text.Json;
using BackendPrep.Bot.Cli;
using BackendPrep.Bot.Hosting;
using BackendPrep.Bot.Tests.Discord.Http;
using BackendPrep.Bot.Transports.Console;
using BackendPrep.Storage;
using LiteDB;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Tests.Operations;

public sealed class BackupEndpointTests
{
    [Fact]
    public async Task Post_backup_on_the_ops_port_writes_a_verified_copy_and_answers_its_name_and_counts()
    {
        using var ops = new OpsPort();
        var folder = Path.Combine(Path.GetTempPath(), $"bp-ops-backups-{Guid.NewGuid():N}");
        await using var bot = await BotOverHttp.StartAsync(ops.Register, [.. OpsPort.Args, $"--Storage:Backup:Directory={folder}", "--Storage:Backup:Keep=1"]);
        try
        {
            var (status, body) = await ops.PostAsync("/backup");

            Assert.Equal(HttpStatusCode.OK, status);
            var answer = JsonDocument.Parse(body).RootElement;
            var file = answer.GetProperty("file").GetString()!;
            Assert.Matches(@"^bp-http-[0-9a-f]{32}-20261102T080000000Z\.db$", file);
            Assert.Equal([file], Directory.GetFiles(folder).Select(Path.GetFileName));
            Assert.Equal(new FileInfo(Path.Combine(folder, file)).Length, answer.GetProperty("bytes").GetInt64());
            Assert.Equal(LiteDbStore.SchemaVersion, answer.GetProperty("schemaVersion").GetInt32());
            using (var copy = new LiteDatabase(new ConnectionString { Filename = Path.Combine(folder, file), ReadOnly = true }))
            {
                Assert.Equal(LiteDbStore.SchemaVersion, copy.UserVersion);
                foreach (var collection in answer.GetProperty("collections").EnumerateObject())
                {
                    Assert.Equal(collection.Value.GetInt64(), copy.GetCollection(collection.Name).LongCount());
                }
            }

            // The CLI verb reaches the same endpoint; Keep=1 rotates the first copy away.
            bot.Time.Advance(TimeSpan.FromMinutes(1));
            using var output = new StringWriter();
            var io = new ConsoleIO(TextReader.Null, output, Interactive: false);
            Assert.Equal(0, await BotProgram.RunAsync(["backup", $"--Ops:Port={(await ops.Address.Bound).Port}"], io, CancellationToken.None));
            Assert.Contains("20261102T080100000Z.db", output.ToString(), StringComparison.Ordinal);
            Assert.Contains($"\"removed\":[\"{file}\"]", output.ToString(), StringComparison.Ordinal);
            Assert.Single(Directory.GetFiles(folder));

            Assert.Equal(HttpStatusCode.MethodNotAllowed, (await ops.GetAsync("/backup")).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await ops.PostAsync("/backup", origin: "http://evil.example")).Status);
            var (_, metrics) = await ops.GetAsync("/metrics");
            Assert.Contains("backendprep_storage_backups", metrics, StringComparison.Ordinal);
            Assert.Contains("backendprep_storage_backup_pause", metrics, StringComparison.Ordinal);
        }
        finally
        {
            await bot.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Post_backup_without_a_directory_is_refused_naming_the_key()
    {
        using var ops = new OpsPort();
        await using var bot = await BotOverHttp.StartAsync(ops.Register, OpsPort.Args);

        var (status, body) = await ops.PostAsync("/backup");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Storage:Backup:Directory", JsonDocument.Parse(body).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, await BotProgram.RunAsync(["backup"], new ConsoleIO(TextReader.Null, TextWriter.Null, Interactive: false), CancellationToken.None));
    }

    [Fact]
    public async Task A_scheduled_backup_runs_at_start_and_a_failing_one_shows_as_degraded_in_healthz_without_a_503()
    {
        using var ops = new OpsPort();
        var folder = Path.Combine(Path.GetTempPath(), $"bp-ops-scheduled-{Guid.NewGuid():N}");
        await using var bot = await BotOverHttp.StartAsync(ops.Register, [.. OpsPort.Args, $"--Storage:Backup:Directory={folder}", "--Storage:Backup:Interval=01:00:00"]);
        try
        {
            var (_, up) = await WaitForBackupCheckAsync(ops, "healthy", "newest backup taken");
            Assert.Equal("healthy", up.GetProperty("status").GetString());
            Assert.Single(Directory.GetFiles(folder));

            Directory.Delete(folder, recursive: true);
            await File.WriteAllTextAsync(folder, "a file where the folder should be");
            bot.Time.Advance(TimeSpan.FromHours(1));
            var (status, down) = await WaitForBackupCheckAsync(ops, "degraded", "last backup failed");

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("degraded", down.GetProperty("status").GetString());
            Assert.Contains(folder, down.GetProperty("checks").GetProperty("backup").GetProperty("reason").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await bot.DisposeAsync();
            File.Delete(folder);
        }
    }

    /// <summary>
    /// The schedule runs in the background; polls <c>/healthz</c> until its check reads as wanted (an outcome, never a duration).
    /// The other checks must have caught up too: after the clock jumps an hour, the reminder loop's pulse is an hour old until
    /// its next pass, and that (not the backup) would make the answer a 503.
    /// </summary>
    private static async Task<(HttpStatusCode Status, JsonElement Body)> WaitForBackupCheckAsync(OpsPort ops, string status, string reasonStart)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var (code, body) = await ops.GetAsync("/healthz");
            var root = JsonDocument.Parse(body).RootElement;
            var check = root.GetProperty("checks").GetProperty("backup");
            var othersHealthy = root.GetProperty("checks").EnumerateObject()
                .All(c => c.Name == "backup" || c.Value.GetProperty("status").GetString() == "healthy");
            if ((othersHealthy && check.GetProperty("status").GetString() == status && check.GetProperty("reason").GetString()!.StartsWith(reasonStart, StringComparison.Ordinal))
                || DateTime.UtcNow > deadline)
            {
                Assert.Equal(status, check.GetProperty("status").GetString());
                return (code, root);
            }

            await Task.Delay(25);
        }
    }

    [Theory]
    [InlineData("--Storage:CheckpointPages=0", "Storage:CheckpointPages")]
    [InlineData("--Storage:Backup:Keep=0", "Storage:Backup:Keep")]
    [InlineData("--Storage:Backup:Interval=00:00:10", "Storage:Backup:Interval")]
    [InlineData("--Storage:Backup:Directory=", "Storage:Backup:Directory")]
    [InlineData("--Storage:Backup:Directory={file}", "Storage:Backup:Directory")]
    public async Task A_bad_storage_setting_fails_the_start_naming_the_key(string arg, string key)
    {
        var db = Path.Combine(Path.GetTempPath(), $"bp-backup-opts-{Guid.NewGuid():N}.db");
        var file = Path.Combine(Path.GetTempPath(), $"bp-backup-opts-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "a file where the folder should be");
        string[] args =
        [
            "--Storage:Backup:Directory=" + Path.GetTempPath(), "--Storage:Backup:Interval=01:00:00", arg.Replace("{file}", file, StringComparison.Ordinal),
            $"--Storage:Path={db}", $"--Content:Path={RepoPaths.Content}", "--Bot:Console=true",
        ];
        var builder = BotHost.CreateBuilder(args, new ConsoleIO(TextReader.Null, TextWriter.Null, Interactive: false));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains(key, StringComparison.Ordinal));
        File.Delete(db);
        File.Delete(file);
    }
}
