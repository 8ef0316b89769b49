using System.Text.Json;
using BackendPrep.Storage.Backup;
using Microsoft.AspNetCore.Http;
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

    public async Task ServeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "POST";
            return;
        }

        if (context.Request.Headers.Origin.Count > 0)
        {
            await WriteAsync(context, StatusCodes.Status403Forbidden, Error("requests from a browser page are refused"));
            return;
        }

        if (_backups is null)
        {
            await WriteAsync(context, StatusCodes.Status409Conflict, Error("backups are off: set Storage:Backup:Directory"));
            return;
        }

        try
        {
            var report = await _backups.TakeAsync(context.RequestAborted);
            await WriteAsync(context, StatusCodes.Status200OK, Report(report));
        }
        catch (BackupFailedException ex)
        {
            await WriteAsync(context, StatusCodes.Status500InternalServerError, Error(ex.Message));
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
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
