using System.Diagnostics;
using System.Threading.Channels;
using Canteen.Engine.Errors;
using Canteen.Engine.Storage;
using Canteen.Engine.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Canteen.Engine.Ordering;

/// <summary>
/// The single writer of the system of record (DESIGN §3.6). Callers enqueue into a bounded queue; one loop takes
/// whatever has queued up (up to <see cref="OrderingOptions.WriterMaxBatch"/>) and commits it in one transaction:
/// the cost of a durable commit (an fsync) is paid once per batch, not once per order. A caller is answered only
/// after its batch is durable. A full queue refuses at once (503): under overload we shed instead of queueing
/// requests that will time out anyway.
/// </summary>
/// <remarks>
/// One queue, first in first out, with two allowances: guests' writes may take up to
/// <see cref="OrderingOptions.WriterQueueCapacity"/> places and are shed beyond it; the system's own writes have
/// <see cref="OrderingOptions.WriterSystemQueueCapacity"/> places of their own and wait for one. Counted apart, a relay
/// round that records a whole batch of inbox rows at once never takes a guest's place, and guests never starve the
/// bookkeeping that keeps the live feed current (when both shared one allowance, inbox rows went 32 at a time, one
/// commit each, and the relay fell seconds behind at peak: bench/RESULTS.md).
/// </remarks>
public sealed partial class OrderWriter : IAsyncDisposable
{
    // Unbounded as a channel; bounded by the two allowances below, taken before a write is queued and given back as
    // the loop takes it out. Not declared single-reader: that variant cannot count its items (QueueDepth).
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>();
    private readonly SemaphoreSlim _systemPlaces;
    private readonly IOrderStore _store;
    private readonly OrderingOptions _options;
    private readonly ILogger<OrderWriter> _logger;
    private int _guestWrites;
    private Task? _loop;

    public OrderWriter(IOrderStore store, IOptions<OrderingOptions> options, ILogger<OrderWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options.Value;
        _logger = logger;
        _systemPlaces = new SemaphoreSlim(Math.Max(1, _options.WriterSystemQueueCapacity));
    }

    /// <summary>Writes waiting for the writer right now.</summary>
    public int QueueDepth => _queue.Reader.Count;

    /// <summary>Raised after each committed batch with its size (for metrics and tests).</summary>
    public event Action<int>? BatchCommitted;

    public void Start() => _loop ??= Task.Run(RunAsync);

    /// <summary>
    /// Queues a write and completes when it is durable. Throws <see cref="FailureException"/> with code
    /// <c>overloaded</c> at once when the queue is full.
    /// </summary>
    public Task<WriteOutcome> SubmitAsync(StorageWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var pending = new PendingWrite(write);
        if (Interlocked.Increment(ref _guestWrites) > _options.WriterQueueCapacity || !Enqueue(pending))
        {
            Interlocked.Decrement(ref _guestWrites);
            throw new FailureException(Failure.Overloaded(_options.OverloadRetryAfter));
        }

        return pending.Outcome;
    }

    /// <summary>
    /// Queues the system's own bookkeeping (outbox marks, inbox records, daily resets, expired orders' cancels): it
    /// waits for room instead of being shed, because dropping it would only make the same work come back. Only guests'
    /// requests are shed.
    /// Throws <see cref="ChannelClosedException"/> once the writer is shutting down.
    /// </summary>
    public async Task<WriteOutcome> SubmitWaitingAsync(StorageWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var pending = new PendingWrite(write, bookkeeping: true);
        await _systemPlaces.WaitAsync(cancellationToken);
        if (!Enqueue(pending))
        {
            _systemPlaces.Release();
            throw new ChannelClosedException();
        }

        return await pending.Outcome;
    }

    public async ValueTask DisposeAsync()
    {
        // Finish what was accepted: every queued caller still gets its answer before shutdown completes.
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop;
        }
    }

    private async Task RunAsync()
    {
        // Each batch is a trace of its own, linked to its callers' spans; never a child of whoever started the loop.
        Activity.Current = null;
        var batch = new List<PendingWrite>(_options.WriterMaxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            Drain(reader, batch);
            if (batch.Count < _options.WriterMaxBatch && batch.TrueForAll(p => p.Bookkeeping))
            {
                await WaitForCompanyAsync(reader);
                Drain(reader, batch);
            }

            CanteenMetrics.WritesDequeued(batch.Count);
            using (StartCommitActivity(batch))
            {
                // Durations only: the writer has no injected clock, and a fake one could not time a real fsync anyway.
                var started = TimeProvider.System.GetTimestamp();
                await CommitAsync(batch);
                CanteenMetrics.BatchCommitted(batch.Count, TimeProvider.System.GetElapsedTime(started));
            }

            BatchCommitted?.Invoke(batch.Count);
        }
    }

    // Counted before the write becomes visible to the loop, so the depth gauge never dips below zero.
    private bool Enqueue(PendingWrite pending)
    {
        CanteenMetrics.WriteQueued(1);
        if (_queue.Writer.TryWrite(pending))
        {
            return true;
        }

        CanteenMetrics.WritesDequeued(1);
        return false;
    }

    private void Drain(ChannelReader<PendingWrite> reader, List<PendingWrite> batch)
    {
        while (batch.Count < _options.WriterMaxBatch && reader.TryRead(out var pending))
        {
            if (pending.Bookkeeping)
            {
                _systemPlaces.Release();
            }
            else
            {
                Interlocked.Decrement(ref _guestWrites);
            }

            batch.Add(pending);
        }
    }

    /// <summary>
    /// Lets a batch of bookkeeping alone wait up to <see cref="OrderingOptions.BookkeepingLinger"/> for another write
    /// to share its commit. Outbox marks and inbox records trail the orders that caused them, so at half load 41 % of
    /// commits (and their fsyncs) carried nothing else; nobody waits on them, and an order that arrives meanwhile ends
    /// the wait at once.
    /// </summary>
    private async Task WaitForCompanyAsync(ChannelReader<PendingWrite> reader)
    {
        if (_options.BookkeepingLinger <= TimeSpan.Zero)
        {
            return;
        }

        using var linger = new CancellationTokenSource(_options.BookkeepingLinger);
        try
        {
            await reader.WaitToReadAsync(linger.Token);
        }
        catch (OperationCanceledException) when (linger.IsCancellationRequested)
        {
            // Nothing came: commit the bookkeeping alone.
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        try
        {
            var outcomes = await _store.CommitAsync(batch.ConvertAll(p => p.Write), CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Complete(outcomes[i]);
            }
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            // One bad write must not fail its neighbours: retry each alone so only the culprit fails.
            LogBatchFailed(ex, batch.Count);
            foreach (var pending in batch)
            {
                await CommitAsync([pending]);
            }
        }
        catch (Exception ex)
        {
            LogWriteFailed(ex, batch[0].Write.GetType().Name);
            batch[0].Fail(ex);
        }
    }

    private static Activity? StartCommitActivity(List<PendingWrite> batch)
    {
        if (!CanteenTelemetry.Source.HasListeners())
        {
            return null;
        }

        var links = new List<ActivityLink>(batch.Count);
        foreach (var pending in batch)
        {
            if (pending.Caller != default)
            {
                links.Add(new ActivityLink(pending.Caller));
            }
        }

        var activity = CanteenTelemetry.Source.StartActivity("CommitBatch", ActivityKind.Internal, default(ActivityContext), links: links);
        activity?.SetTag("canteen.batch.size", batch.Count);
        return activity;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} writes failed; retrying them one by one")]
    private partial void LogBatchFailed(Exception error, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {WriteType} write failed")]
    private partial void LogWriteFailed(Exception error, string writeType);
}
