using BackendPrep.Core.Prompts;
using BackendPrep.Core.Study;

namespace BackendPrep.Core.Tests.Grading;

/// <summary>Inline rubrics shaped like the real content, so the grader is tested without the content folder.</summary>
internal static class TestRubrics
{
    private static readonly SourceRef Source = new("prompts/test.md", 1);

    public static RubricItem Item(string id, params string[] concepts) => new(id, id, concepts, $"What about {id}?", Source);

    public static Rubric Of(params RubricItem[] items) => new(items);

    public static readonly Rubric Webhook = Of(
        Item("signature", "signature", "HMAC", "verify the signature", "signing secret", "timestamp tolerance"),
        Item("idempotency", "idempotency key", "event id", "dedupe", "unique constraint", "processed events table"),
        Item("transaction", "transactional boundary", "same transaction", "commit together", "outbox"),
        Item("retries", "at-least-once", "retry with backoff", "exponential backoff", "return 5xx"),
        Item("dlq", "dead letter queue", "DLQ", "poison message", "parking lot"),
        Item("invariant", "no double charge", "charged twice", "exactly once effect"));

    public static Checklist Checklist(params (string Id, string[] Concepts)[] parts) =>
        new("answer-template", "Answer template", [.. parts.Select(p => new ChecklistPart(p.Id, p.Id, "", p.Concepts, Source))], Source);
}
