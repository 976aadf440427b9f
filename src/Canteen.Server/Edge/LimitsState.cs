using Microsoft.Extensions.Primitives;

namespace Canteen.Server.Edge;

/// <summary>
/// The current limits and a version that moves on every configuration change. Rate limiter partitions are keyed by
/// the version, so a change starts fresh buckets with the new settings (the old ones go idle and are collected).
/// </summary>
/// <remarks>
/// Bound from the section on each reload here rather than read through <c>IOptionsMonitor</c>: the monitor binds
/// inside the reload callback and throws there when an edit brings a value the binder cannot convert, and every
/// later read throws again, so one typo in a live appsettings.json answered every request 500. Here such a reload is
/// logged and the last valid limits stay. At start a bad value stops the process (StartupConfiguration).
/// </remarks>
public sealed partial class LimitsState : IDisposable
{
    private readonly IConfigurationSection _section;
    private readonly ILogger<LimitsState> _logger;
    private readonly IDisposable _subscription;
    private LimitsOptions _current;
    private int _version;

    public LimitsState(IConfiguration configuration, ILogger<LimitsState> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _section = configuration.GetSection(LimitsOptions.Section);
        _logger = logger;
        _current = Bind();
        _subscription = ChangeToken.OnChange(configuration.GetReloadToken, Reload);
    }

    public LimitsOptions Current => Volatile.Read(ref _current);

    public int Version => Volatile.Read(ref _version);

    public void Dispose() => _subscription.Dispose();

    private LimitsOptions Bind() => _section.Get<LimitsOptions>() ?? new LimitsOptions();

    private void Reload()
    {
        try
        {
            Volatile.Write(ref _current, Bind());
            Interlocked.Increment(ref _version);
        }
        catch (InvalidOperationException e)
        {
            LogInvalidReload(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Ignored a configuration change of Canteen:Limits; the last valid limits stay: {Reason}")]
    private partial void LogInvalidReload(string reason);
}
