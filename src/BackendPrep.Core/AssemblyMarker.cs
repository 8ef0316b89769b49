namespace BackendPrep.Core;
internal static class AssemblyMarker;
