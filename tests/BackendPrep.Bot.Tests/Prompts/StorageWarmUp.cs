using System.Runtime.CompilerServices;
using BackendPrep.Storage;

namespace BackendPrep.Bot.Tests.Prompts;

/// <summary>
/// Tests here open many databases in parallel, and LiteDB's shared mapper can hand a half-built type mapping to a
/// second thread the first time a type is mapped. Opening one database before any test maps the schema's types once.
/// </summary>
internal static class StorageWarmUp
{
    [ModuleInitializer]
    internal static void Run()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bp-warm-{Guid.NewGuid():N}.db");
        using (var store = new LiteDbStore(path))
        {
            _ = new AttemptStore(store);
            _ = new GroupRoundStore(store);
            _ = new TopicProgressStore(store).LearnedAsync("warm-up", CancellationToken.None).GetAwaiter().GetResult();
        }

        File.Delete(path);
    }
}
