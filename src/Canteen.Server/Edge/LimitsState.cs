using Microsoft.Extensions.Options;

namespace Canteen.Server.Edge;

/// <summary>
/// The current limits and a version that moves on every configuration change. Rate limiter partitions are keyed by
/// the version, so a change starts fresh buckets with the new settings (the old ones go idle and are collected).
/// </summary>
public sealed class LimitsState : IDisposable
{
    private readonly IOptionsMonitor<LimitsOptions> _monitor;
    private readonly IDisposable? _subscription;
    private int _version;

    public LimitsState(IOptionsMonitor<LimitsOptions> monitor)
    {
        _monitor = monitor;
        _subscription = monitor.OnChange(_ => Interlocked.Increment(ref _version));
    }

    public LimitsOptions Current => _monitor.CurrentValue;

    public int Version => Volatile.Read(ref _version);

    public void Dispose() => _subscription?.Dispose();
}
