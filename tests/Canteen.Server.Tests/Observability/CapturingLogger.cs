using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Canteen.Server.Tests.Observability;

/// <summary>One category's logger of <see cref="JsonLogCapture"/>; level filtering is the logger factory's.</summary>
internal sealed class CapturingLogger(JsonLogCapture capture, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => capture.Push(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        capture.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter));
}
