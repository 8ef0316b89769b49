namespace BackendPrep.Bot.Tests.Discord.Fuzz;

/// <summary>
/// Whole gateway messages a broken or hostile peer could send: not JSON, JSON of the wrong shape, unknown opcodes and
/// events, wrong-typed sequence numbers, deep nesting. Opcodes 7 and 9 are left out: they are valid orders to
/// reconnect, not bad input.
/// </summary>
internal static class GatewayGarbage
{
    private static readonly string[] Shapes =
    [
        "", " ", "null", "[]", "42", "\"op\"", "{", "}", "{}", "{\"op\":null}", "{\"op\":\"0\"}", "{\"op\":1.5}", "{\"op\":-1}",
        "{\"op\":99,\"d\":{}}", "{\"op\":11}", "{\"op\":10,\"d\":{\"heartbeat_interval\":-5}}", "{\"op\":0}", "{\"op\":0,\"t\":null,\"s\":null,\"d\":null}",
        "{\"op\":0,\"t\":\"INTERACTION_CREATE\",\"s\":\"seven\",\"d\":{}}", "{\"op\":0,\"t\":\"INTERACTION_CREATE\",\"d\":[]}",
        "{\"op\":0,\"t\":\"INTERACTION_CREATE\",\"d\":\"{}\"}", "{\"op\":0,\"t\":\"INTERACTION_CREATE\",\"d\":{\"id\":[],\"token\":{}}}",
        "{\"op\":0,\"t\":\"MESSAGE_CREATE\",\"d\":{\"content\":\"@everyone\"}}", "{\"op\":0,\"t\":\"GUILD_CREATE\",\"d\":{\"id\":\"1\"}}",
        "{\"op\":0,\"t\":\"NO_SUCH_EVENT\",\"d\":{}}", "{\"op\":0,\"t\":42,\"d\":{}}", "{\"op\":0,\"t\":\"READY\",\"d\":{}}",
        "{\"op\":0,\"t\":\"INTERACTION_CREATE\",\"s\":1e400,\"d\":{}}", "{\"op\":0,\"op\":0,\"t\":\"INTERACTION_CREATE\",\"d\":{}}",
        "\u0000\u0001\u0002", "{\"op\":0,\"t\":\"INTERACTION_CREATE\",\"d\":{\"id\":\"1\"", "﻿{\"op\":11}",
    ];

    public static string Draw(Random random) => random.Next(10) switch
    {
        0 => new string('[', random.Next(65, 5_000)) + new string(']', random.Next(0, 5)),
        1 => "{\"op\":0,\"t\":\"INTERACTION_CREATE\",\"d\":{\"id\":\"" + new string('9', random.Next(20, 300_000)) + "\"}}",
        2 => Truncated(Shapes[random.Next(Shapes.Length)], random),
        _ => Shapes[random.Next(Shapes.Length)],
    };

    private static string Truncated(string text, Random random) => text[..random.Next(text.Length + 1)];
}
