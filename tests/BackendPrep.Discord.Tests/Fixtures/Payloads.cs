using System.Text;
using BackendPrep.FakeDiscord;

namespace BackendPrep.Discord.Tests.Fixtures;

/// <summary>Interaction payloads: the docs' examples from shared/discord/examples plus hand-written current shapes.</summary>
internal static class Payloads
{
    public static byte[] Example(string name) => File.ReadAllBytes(RepositoryPaths.Shared("discord", "examples", name));

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    public const string GuildMember = """
        "guild_id":"290926798626357999","channel_id":"645027906669510667",
        "member":{"user":{"id":"53908232506183680","username":"mason","global_name":"Mason"},"roles":["539082325061836999"],"permissions":"32"}
        """;

    public static string SlashCommand(ulong id, string name = "ping", string options = "[]") => $$$"""
        {"id":"{{{id}}}","application_id":"775799577604522054","type":2,"token":"tok-{{{id}}}","version":1,"locale":"en-US",
         "app_permissions":"442368",{{{GuildMember}}},
         "data":{"id":"771825006014889984","name":"{{{name}}}","type":1,"options":{{{options}}}}}
        """;

    public static string Component(ulong id, string customId = "btn:go:v1:42") => $$$"""
        {"id":"{{{id}}}","application_id":"775799577604522054","type":3,"token":"tok-{{{id}}}","version":1,{{{GuildMember}}},
         "message":{"id":"1000000000000000001","channel_id":"645027906669510667","content":"x"},
         "data":{"custom_id":"{{{customId}}}","component_type":2}}
        """;

    public static string Autocomplete(ulong id) => $$$"""
        {"id":"{{{id}}}","application_id":"775799577604522054","type":4,"token":"tok-{{{id}}}","version":1,{{{GuildMember}}},
         "data":{"id":"1","name":"search","type":1,"options":[{"type":3,"name":"query","value":"ca","focused":true}]}}
        """;

    /// <summary>Current modal submit shape: Label (18) wrapping a text input.</summary>
    public const string LabelModalSubmit = """
        {"id":"1300000000000000001","application_id":"775799577604522054","type":5,"token":"tok-modal","version":1,
         "guild_id":"290926798626357999","member":{"user":{"id":"53908232506183680","username":"mason"},"permissions":"0"},
         "data":{"custom_id":"answer:v1:7","components":[
            {"type":18,"id":1,"component":{"type":4,"id":2,"custom_id":"answer","value":"Use a queue."}},
            {"type":18,"id":3,"component":{"type":3,"id":4,"custom_id":"confidence","values":["high"]}},
            {"type":10,"id":5}]}}
        """;

    /// <summary>Legacy modal submit shape: action rows (1) holding text inputs.</summary>
    public const string LegacyModalSubmit = """
        {"id":"1300000000000000002","application_id":"775799577604522054","type":5,"token":"tok-legacy","version":1,
         "channel_id":"645027906669510667","user":{"id":"80351110224678912","username":"nelly"},
         "data":{"custom_id":"feedback","components":[
            {"type":1,"components":[{"type":4,"custom_id":"first","value":"one"}]},
            {"type":1,"components":[{"type":4,"custom_id":"second","value":"two"}]}]}}
        """;
}
