using System.Text.Json;
using BackendPrep.Bot.Operations.OpsHttp;
using BackendPrep.Storage.Backup;
using Microsoft.Extensions.DependencyInjection;

namespace BackendPrep.Bot.Operations.Backup;

/// <summary>
/// <c>POST /backup</c> on the ops port: takes a backup now and answers with the copy's name, size and counts, or why
/// it could not. A request carrying <c>Origin</c> is refused, so a web page in a browser on the host cannot trigger one.
/// </summary>
internal sealed class BackupEndpoint(IServiceProvider services)
{
    public const string Path = "/backup";

    private readonly Backups? _backups = services.GetService<Backups>();

    public async Task<OpsHttpResponse> ServeAsync(OpsHttpRequest request, CancellationToken cancellationToken)
    {
        if (request.Method != "POST")
            return OpsHttpResponse.MethodNotAllowed("POST");
        if (request.HasOrigin)
            return OpsHttpResponse.Json(403, Error("requests from a browser page are refused"));
        if (_backups is null)
            return OpsHttpResponse.Json(409, Error("backups are off: set Storage:Backup:Directory"));

        try
        {
            var report = await _backups.TakeAsync(cancellationToken);
            return OpsHttpResponse.Json(200, Report(report));
        }
        catch (BackupFailedException ex)
        {
            return OpsHttpResponse.Json(500, Error(ex.Message));
        }
    }

    private static byte[] Error(string message) => Json(json => json.WriteString("error", message));

    /// <summary><c>{"file":"…","path":"…","bytes":…,"schemaVersion":1,"documents":…,"collections":{…},"pauseMs":…,"durationMs":…,"removed":[…]}</c>.</summary>
    private static byte[] Report(BackupReport report) => Json(json =>
    {
        var copy = report.Copy;
        json.WriteString("file", System.IO.Path.GetFileName(copy.Path));
        json.WriteString("path", copy.Path);
        json.WriteNumber("bytes", copy.Bytes);
        json.WriteNumber("schemaVersion", copy.SchemaVersion);
        json.WriteNumber("documents", copy.Documents);
        json.WriteStartObject("collections");
        foreach (var (name, count) in copy.Collections.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            json.WriteNumber(name, count);
        }

        json.WriteEndObject();
        json.WriteNumber("pauseMs", Math.Round(copy.WritersHeld.TotalMilliseconds, 1));
        json.WriteNumber("durationMs", Math.Round(copy.Duration.TotalMilliseconds, 1));
        json.WriteStartArray("removed");
        foreach (var removed in report.Removed)
        {
            json.WriteStringValue(System.IO.Path.GetFileName(removed));
        }

        json.WriteEndArray();
    });

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
