using BenchmarkDotNet.Running;

// Every suite in this assembly; pass BenchmarkDotNet arguments through (e.g. --filter '*Grading*' --job short).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
