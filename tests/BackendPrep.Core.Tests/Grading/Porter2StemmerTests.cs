using BackendPrep.Core.Grading;

namespace BackendPrep.Core.Tests.Grading;

public sealed class Porter2StemmerTests
{
    // Expected stems from the Snowball English reference vocabulary.
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("ties", "tie")]
    [InlineData("cries", "cri")]
    [InlineData("cats", "cat")]
    [InlineData("gas", "gas")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("conflated", "conflat")]
    [InlineData("troubled", "troubl")]
    [InlineData("sized", "size")]
    [InlineData("hopping", "hop")]
    [InlineData("falling", "fall")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("generously", "generous")]
    [InlineData("generate", "generat")]
    [InlineData("communication", "communic")]
    [InlineData("running", "run")]
    [InlineData("consignment", "consign")]
    [InlineData("knackeries", "knackeri")]
    [InlineData("skies", "sky")]
    [InlineData("dying", "die")]
    [InlineData("proceed", "proceed")]
    [InlineData("abilities", "abil")]
    [InlineData("absolutely", "absolut")]
    [InlineData("accumulated", "accumul")]
    [InlineData("achievement", "achiev")]
    [InlineData("additional", "addit")]
    [InlineData("hopefulness", "hope")]
    [InlineData("idempotency", "idempot")]
    [InlineData("idempotent", "idempot")]
    [InlineData("retries", "retri")]
    [InlineData("saying", "say")]
    [InlineData("by", "by")]
    public void Stems_like_the_reference(string word, string stem) =>
        Assert.Equal(stem, Porter2Stemmer.Stem(word));

    [Theory]
    [InlineData("p99")]
    [InlineData("5xx")]
    [InlineData("node.js")]
    public void Leaves_non_words_alone(string token) => Assert.Equal(token, Porter2Stemmer.Stem(token));
}
