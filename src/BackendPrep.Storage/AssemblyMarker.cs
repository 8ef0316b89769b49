namespace BackendPrep.Storage;
internal static class AssemblyMarker;
