using System.Collections.Concurrent;
using System.Diagnostics;
using Canteen.Engine.Telemetry;

namespace Canteen.Engine.Tests.Telemetry;

/// <summary>
/// Records every span of Canteen's source, as the OpenTelemetry SDK would with an always-on sampler, without the SDK
/// (the engine must not depend on it). Listeners are process-wide, so tests pick their spans by trace id.
/// </summary>
internal sealed class SpanListener : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _ended = new();

    public SpanListener()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CanteenTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ended.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => _ended.Where(a => a.TraceId == traceId).ToList();

    public void Dispose() => _listener.Dispose();
}
