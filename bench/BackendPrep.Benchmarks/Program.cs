using BackendPrep.Benchmarks;
using BenchmarkDotNet.Running;

// Every suite in this assembly; pass BenchmarkDotNet arguments through (e.g. --filter '*Grading*' --job short).
// "progress-breakdown" times each store read of /progress for the heavy user instead.
if (args is ["progress-breakdown"])
{
    await ProgressBreakdown.RunAsync();
    return;
}

// "backup-pause [writes/s]" measures what an online backup costs concurrent writers and readers on the seeded file.
if (args is ["backup-pause", .. var rate])
{
    await BackupPause.RunAsync(rate is [var r] ? double.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : null);
    return;
}

// "write-latency [checkpoint pages]" times the load harness's write (one insert through the real store) at 200/s, alone.
if (args is ["write-latency", .. var pages])
{
    await WriteLatency.RunAsync(pages is [var p] ? int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : null);
    return;
}

// "per-user-reads [users]" times each new user's first store reads and the memory they leave behind.
if (args is ["per-user-reads", .. var users])
{
    await PerUserReads.RunAsync(users is [var u] ? int.Parse(u, System.Globalization.CultureInfo.InvariantCulture) : 2000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
