using System.Threading.Channels;

namespace Canteen.Storage.Postgres.Reading;

/// <summary>
/// Coalesces concurrent point reads of one kind into one query. Every order placement asks "was this idempotency key
/// used?" and "how many unpaid orders has this guest?" before anything else, and with several instances no process
/// can answer from memory (DESIGN §3): a statement, a round trip and a pooled connection per order for each, which
/// cost PostgreSQL more than the whole group-committed write of the order. One loop takes whatever is queued (up to
/// <see cref="MaxBatch"/> distinct keys) and answers it with one query; while that query runs, the next reads queue.
/// </summary>
/// <typeparam name="TKey">What a caller asks about; equal keys in one batch are read once.</typeparam>
/// <typeparam name="TValue">The answer; a key the query returns nothing for gets <c>default</c>.</typeparam>
internal sealed class CoalescedReads<TKey, TValue> : IAsyncDisposable
    where TKey : notnull
{
    /// <summary>At most this many keys per query, so one read never waits behind an unbounded statement.</summary>
    public const int MaxBatch = 256;

    private readonly Func<IReadOnlyList<TKey>, Task<Dictionary<TKey, TValue>>> _readMany;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    /// <param name="readMany">Reads the given distinct keys in one query; keys without an answer may be left out.</param>
    public CoalescedReads(Func<IReadOnlyList<TKey>, Task<Dictionary<TKey, TValue>>> readMany)
    {
        _readMany = readMany;
        _loop = Task.Run(RunAsync);
    }

    public Task<TValue?> ReadAsync(TKey key, CancellationToken cancellationToken)
    {
        var pending = new Pending(key);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(PostgresStorage));
        }

        // A caller that gives up stops waiting; its key is still read with the others, which costs nothing extra.
        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Answers what is already queued, then stops taking reads.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        var keys = new HashSet<TKey>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (keys.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                keys.Add(pending.Key);
            }

            try
            {
                var found = await _readMany([.. keys]);
                batch.ForEach(p => p.Completion.TrySetResult(found.GetValueOrDefault(p.Key)));
            }
#pragma warning disable CA1031 // The loop must survive any failure: it is reported to the batch's callers instead.
            catch (Exception e)
#pragma warning restore CA1031
            {
                batch.ForEach(p => p.Completion.TrySetException(e));
            }

            batch.Clear();
            keys.Clear();
        }
    }

    private sealed class Pending(TKey key)
    {
        public TKey Key { get; } = key;

        public TaskCompletionSource<TValue?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
