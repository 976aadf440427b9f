using System.Diagnostics;
using Canteen.Engine.Storage;
using Canteen.Engine.Telemetry;

namespace Canteen.Engine.Ordering;

/// <summary>A write waiting in the writer's queue, and the caller waiting for its outcome.</summary>
internal sealed class PendingWrite(StorageWrite write, bool bookkeeping = false)
{
    // Continuations run on the pool, never inline on the writer loop: one slow caller must not stall the batch.
    private readonly TaskCompletionSource<WriteOutcome> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StorageWrite Write { get; } = write;

    /// <summary>The system's own write (queued with <see cref="OrderWriter.SubmitWaitingAsync"/>), not a caller's request.</summary>
    public bool Bookkeeping { get; } = bookkeeping;

    /// <summary>The caller's span, so the batch that commits this write can link back to it (default when untraced).</summary>
    public ActivityContext Caller { get; } = CanteenTelemetry.Source.HasListeners() ? Activity.Current?.Context ?? default : default;

    public Task<WriteOutcome> Outcome => _completion.Task;

    public void Complete(WriteOutcome outcome) => _completion.TrySetResult(outcome);

    public void Fail(Exception error) => _completion.TrySetException(error);
}
