using BackendPrep.Bot.Hosting;
using BackendPrep.Bot.Transports.Console;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace BackendPrep.Bot.Tests.Hosting;

public sealed class BotHostConfigurationTests
{
    [Fact]
    public void Appsettings_files_are_read_once_without_a_file_watcher()
    {
        var builder = BotHost.CreateBuilder([$"--Content:Path={RepoPaths.Content}", "--Bot:Console=true"],
            new ConsoleIO(TextReader.Null, TextWriter.Null, Interactive: false));

        var json = ((IConfigurationRoot)builder.Configuration).Providers.OfType<JsonConfigurationProvider>().ToList();

        Assert.NotEmpty(json);
        Assert.All(json, p => Assert.False(p.Source.ReloadOnChange, $"{p.Source.Path} reloads on change"));
    }
}
