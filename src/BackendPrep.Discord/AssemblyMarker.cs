namespace BackendPrep.Discord;
internal static class AssemblyMarker;
