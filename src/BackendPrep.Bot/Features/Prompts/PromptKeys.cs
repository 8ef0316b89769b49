using System.Security.Cryptography;
using System.Text;
using BackendPrep.Core.Prompts;
using BackendPrep.Core.Study;

namespace BackendPrep.Bot.Features.Prompts;

/// <summary>
/// Short, stable handles for custom ids (100 characters in all): a prompt id as is when short, else a hash of it;
/// attempt and round ids are random and short.
/// </summary>
internal static class PromptKeys
{
    private const int MaxPlainLength = 32;
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string Key(InterviewPrompt prompt) => prompt.Id.Length <= MaxPlainLength ? prompt.Id : "~" + Hash(prompt.Id);

    public static InterviewPrompt? Resolve(StudyContent content, string key) =>
        key.StartsWith('~') ? content.Prompts.FirstOrDefault(p => "~" + Hash(p.Id) == key) : content.Prompt(key);

    /// <summary>A new id for an attempt or a round: 10 characters of a 32-letter alphabet (50 bits).</summary>
    public static string NewId() => RandomNumberGenerator.GetString(Alphabet, 10);

    private static string Hash(string id) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..10].ToLowerInvariant();
}
