using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KhuyenCongBot.Tests.Support;

/// <summary>Keeps every log line (category, level, message, exception) so tests can search what was logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToList();

    public string All => string.Join("\n", _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel} {category}: {formatter(state, exception)}";
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                line += " {" + string.Join(", ", values.Select(v => $"{v.Key}={v.Value}")) + "}";
            }
            if (exception is not null)
            {
                line += "\n" + exception;
            }
            lines.Enqueue(line);
        }
    }
}
