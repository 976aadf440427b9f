using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace Canteen.Server.Tests.Observability;

/// <summary>
/// An in-memory span exporter for tests: added to the real tracer provider as a processor, so it sees exactly the
/// spans the configured sampler kept, at the moment an exporter would. Thread-safe, unlike a plain list, because
/// spans end on many threads at once. The source is process-wide, so filter by trace id.
/// </summary>
public sealed class SpanRecorder : BaseProcessor<Activity>
{
    private readonly ConcurrentQueue<Activity> _ended = new();

    public override void OnEnd(Activity data) => _ended.Enqueue(data);

    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => _ended.Where(a => a.TraceId == traceId).ToList();

    public IReadOnlyList<Activity> Named(string name) => _ended.Where(a => a.DisplayName == name).ToList();
}
