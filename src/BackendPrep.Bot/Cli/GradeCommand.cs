using System.Text.Json;
using BackendPrep.Bot.Grading;
using BackendPrep.Core.Grading;
using BackendPrep.Core.Study;

namespace BackendPrep.Bot.Cli;

/// <summary>
/// <c>grade &lt;prompt-id&gt;</c> grades an answer read from stdin; <c>grade --jsonl</c> grades lines of
/// <c>{"prompt":..,"answer":..}</c>, one JSON result per line in order. For content authors and evaluation.
/// <c>--semantic</c> adds MiniLM sentence similarity to the lexical matcher, as <c>Grading:Semantic=true</c> does in the bot.
/// </summary>
internal static class GradeCommand
{
    public static async Task<int> RunAsync(string[] args, StudyContent content, TextReader input, Stream output, TextWriter errors, CancellationToken ct)
    {
        var semantic = args.Contains("--semantic");
        args = [.. args.Where(a => a != "--semantic")];
        var grader = GradingSetup.Create(semantic);
        await using var writer = new Utf8JsonWriter(output);
        if (args is ["--jsonl"])
        {
            var line = 0;
            while (await input.ReadLineAsync(ct) is { } text)
            {
                line++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                if (!TryReadRequest(text, out var promptId, out var answer))
                {
                    await errors.WriteLineAsync($"line {line}: expected {{\"prompt\":\"id\",\"answer\":\"text\"}}");
                    return BotProgram.ExitFailure;
                }

                if (!Write(writer, grader, content, promptId, answer, errors, line))
                {
                    return BotProgram.ExitFailure;
                }

                writer.Flush();
                output.WriteByte((byte)'\n');
                writer.Reset();
            }

            return BotProgram.ExitOk;
        }

        if (args is not [var id])
        {
            await errors.WriteLineAsync("usage: grade [--semantic] <prompt-id> < answer.txt   |   grade [--semantic] --jsonl < answers.jsonl");
            return BotProgram.ExitFailure;
        }

        var ok = Write(writer, grader, content, id, await input.ReadToEndAsync(ct), errors, 0);
        writer.Flush();
        output.WriteByte((byte)'\n');
        return ok ? BotProgram.ExitOk : BotProgram.ExitFailure;
    }

    private static bool TryReadRequest(string line, out string promptId, out string answer)
    {
        promptId = answer = "";
        try
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("prompt", out var p) && p.ValueKind == JsonValueKind.String
                && doc.RootElement.TryGetProperty("answer", out var a) && a.ValueKind == JsonValueKind.String)
            {
                promptId = p.GetString()!;
                answer = a.GetString()!;
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    private static bool Write(Utf8JsonWriter writer, AnswerGrader grader, StudyContent content, string promptId, string answer, TextWriter errors, int line)
    {
        if (content.Prompt(promptId) is not { } prompt)
        {
            errors.WriteLine($"{(line > 0 ? $"line {line}: " : "")}unknown prompt \"{promptId}\"");
            return false;
        }

        var result = grader.Grade(prompt.Id, prompt.Rubric, answer);
        writer.WriteStartObject();
        writer.WriteString("prompt", prompt.Id);
        writer.WriteStartArray("covered");
        foreach (var id in result.Covered)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("missed");
        foreach (var id in result.Missed)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
        writer.WriteNumber("score", Math.Round(result.Score, 4));
        writer.WriteStartObject("evidence");
        foreach (var item in result.Items.Where(i => i.Covered && i.Evidence is not null))
        {
            writer.WriteString(item.ItemId, item.Evidence);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("followUps");
        foreach (var id in result.Missed.Take(3))
        {
            writer.WriteStringValue(prompt.Rubric.Item(id)!.FollowUp);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        return true;
    }
}
