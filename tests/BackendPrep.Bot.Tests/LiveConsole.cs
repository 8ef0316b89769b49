using System.Text;
using System.Threading.Channels;
using BackendPrep.Bot.Cli;
using BackendPrep.Bot.Transports.Console;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BackendPrep.Bot.Tests;

/// <summary>
/// A console session the test types into line by line while it runs, with a fake clock: for flows where time passes
/// between commands (study timers, drills, reminders). Wait for output rather than sleeping.
/// </summary>
internal sealed class LiveConsole : IAsyncDisposable
{
    private readonly Channel<string?> _lines = Channel.CreateUnbounded<string?>();
    private readonly SignalingWriter _output = new();
    private readonly Task<int> _run;
    private readonly string _db;
    private readonly bool _ownsDatabase;

    public LiveConsole(string contentRoot, FakeTimeProvider time, Action<IServiceCollection>? configure = null, string? databasePath = null)
    {
        Time = time;
        // A caller that names the database owns it (to reopen it after a simulated restart).
        _ownsDatabase = databasePath is null;
        _db = databasePath ?? Path.Combine(Path.GetTempPath(), $"bp-live-{Guid.NewGuid():N}.db");
        var io = new ConsoleIO(new ChannelReader(_lines.Reader), _output, Interactive: false);
        string[] args = ["--console", $"--Content:Path={contentRoot}", $"--Storage:Path={_db}", "--Discord:Token="];
        _run = Task.Run(() => BotProgram.RunAsync(args, io, services =>
        {
            services.AddSingleton<TimeProvider>(time);
            configure?.Invoke(services);
        }, CancellationToken.None));
    }

    public FakeTimeProvider Time { get; }

    public string Output => _output.Text;

    public void Type(string line) => _lines.Writer.TryWrite(line);

    /// <summary>Waits until the output contains <paramref name="text"/> (after <paramref name="from"/>); fails after a generous real-time bound.</summary>
    public async Task<int> WaitForAsync(string text, int from = 0)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var at = Output.IndexOf(text, from, StringComparison.Ordinal);
            if (at >= 0)
            {
                return at;
            }

            if (_run.IsCompleted || DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"\"{text}\" never appeared. Output so far:\n{Output}");
            }

            await _output.ChangedAsync(TimeSpan.FromMilliseconds(200));
        }
    }

    public async Task<int> EndAsync()
    {
        _lines.Writer.TryComplete();
        return await _run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        _lines.Writer.TryComplete();
        try
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            if (_ownsDatabase)
            {
                File.Delete(_db);
            }
        }
    }

    private sealed class ChannelReader(ChannelReader<string?> lines) : TextReader
    {
        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await lines.ReadAsync(cancellationToken);
            }
            catch (ChannelClosedException)
            {
                return null;
            }
        }

        public override string? ReadLine() => ReadLineAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

        public override string ReadToEnd() => "";
    }

    private sealed class SignalingWriter : TextWriter
    {
        private readonly StringBuilder _text = new();
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_text)
            {
                _text.Append(value);
            }

            Interlocked.Exchange(ref _changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }

        public override void Write(string? value)
        {
            lock (_text)
            {
                _text.Append(value);
            }

            Interlocked.Exchange(ref _changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }

        public Task ChangedAsync(TimeSpan max) => _changed.Task.WaitAsync(max).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
