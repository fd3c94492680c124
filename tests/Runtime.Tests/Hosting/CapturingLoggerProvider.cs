using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.Runtime.Tests.Hosting;

/// <summary>A logger provider that records the categories asked for and every message logged, for checking where logs go.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly object _gate = new();
    private readonly List<string> _categories = [];
    private readonly List<(string Category, LogLevel Level, string Message)> _entries = [];

    public IReadOnlyList<string> Categories { get { lock (_gate) return _categories.ToList(); } }

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Entries { get { lock (_gate) return _entries.ToList(); } }

    public ILogger CreateLogger(string categoryName)
    {
        lock (_gate) _categories.Add(categoryName);
        return new Logger(this, categoryName);
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._gate) owner._entries.Add((category, logLevel, formatter(state, exception)));
        }
    }
}
