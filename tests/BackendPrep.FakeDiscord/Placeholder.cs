namespace BackendPrep.FakeDiscord;

internal static class Placeholder;
