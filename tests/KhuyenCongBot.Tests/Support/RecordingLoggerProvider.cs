using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KhuyenCongBot.Tests.Support;

/// <summary>Keeps every log line (level, category, message, state values, exception) so tests can search what was logged.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Line)> _lines = new();

    public IReadOnlyList<string> Lines => _lines.Select(l => l.Line).ToList();

    public string All => string.Join("\n", Lines);

    public IReadOnlyList<string> AtLeast(LogLevel level) => _lines.Where(l => l.Level >= level).Select(l => l.Line).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(LogLevel, string)> lines) : ILogger
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
            lines.Enqueue((logLevel, line));
        }
    }
}
