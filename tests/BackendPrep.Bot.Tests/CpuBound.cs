namespace BackendPrep.Bot.Tests;

/// <summary>
/// Tests that measure the bot against a clock (the 2,000 burst's 3-second deadline) or saturate both cores (the ONNX
/// calibration grid). They run after the parallel tests, one at a time: the fake Discord answering the burst lives in
/// the test process, so a neighbour's CPU would be charged to the bot's deadline.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CpuBound
{
    public const string Name = "CPU-bound, run alone";
}
