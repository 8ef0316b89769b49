namespace BackendPrep.Content;
internal static class AssemblyMarker;
