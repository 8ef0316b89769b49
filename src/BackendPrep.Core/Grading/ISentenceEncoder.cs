namespace BackendPrep.Core.Grading;

/// <summary>
/// Turns sentences into embedding vectors for optional semantic matching. Implemented outside Core (a local model
/// in the Bot); must be thread-safe, since one grader serves every user. All vectors from one encoder have the same
/// length; they need not be unit length. An encoder that cannot serve (its model failed to load) returns no vectors at
/// all, and answers are then graded lexically.
/// </summary>
public interface ISentenceEncoder
{
    IReadOnlyList<float[]> Encode(IReadOnlyList<string> sentences);
}
