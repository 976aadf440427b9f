using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Canteen.Server.Tests.Observability;

/// <summary>
/// A logger provider that renders each entry with the server's registered JSON console formatter (the same instance
/// and options the console uses) and the logger factory's scopes, into lines a test can read. The console itself
/// writes on a background thread to a process-wide stream, which parallel tests cannot share.
/// </summary>
public sealed class JsonLogCapture(IEnumerable<ConsoleFormatter> formatters) : ILoggerProvider, ISupportExternalScope
{
    private readonly ConsoleFormatter _formatter = formatters.Single(f => f.Name == ConsoleFormatterNames.Json);
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider? _scopes;

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    internal void Write<TState>(in LogEntry<TState> entry)
    {
        using var writer = new StringWriter();
        _formatter.Write(entry, _scopes, writer);
        _lines.Enqueue(writer.ToString());
    }

    internal IDisposable? Push<TState>(TState state)
        where TState : notnull => _scopes?.Push(state);
}
