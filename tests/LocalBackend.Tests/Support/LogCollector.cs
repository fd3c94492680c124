using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.LocalBackend.Tests.Support;

/// <summary>Keeps every log message of a backend so a test can wait for one (e.g. that a request stopped).</summary>
internal sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyCollection<string> Messages => _messages;

    /// <summary>A logger factory writing here, at Debug level and above.</summary>
    public ILoggerFactory NewFactory() => LoggerFactory.Create(builder => builder.AddProvider(this).SetMinimumLevel(LogLevel.Debug));

    /// <summary>Waits (polling, bounded) for a message containing <paramref name="text"/>; false when it never came.</summary>
    public async Task<bool> WaitForAsync(string text, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (_messages.Any(m => m.Contains(text, StringComparison.Ordinal))) return true;
            await Task.Delay(20);
        }
        return _messages.Any(m => m.Contains(text, StringComparison.Ordinal));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCollector owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => owner._messages.Enqueue(formatter(state, exception));
    }
}
