using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.Runtime.Tests.Storage;

/// <summary>A logger that keeps every formatted message (with its level), for tests that check what was logged.</summary>
internal sealed class ListLogger : ILogger
{
    public List<string> Messages { get; } = [];

    public List<(LogLevel Level, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        lock (Messages)
        {
            Messages.Add(message);
            Entries.Add((logLevel, message));
        }
    }
}
