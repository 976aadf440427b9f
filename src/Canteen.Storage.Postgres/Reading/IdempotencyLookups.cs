using System.Threading.Channels;
using Canteen.Engine.Idempotency;

namespace Canteen.Storage.Postgres.Reading;

/// <summary>
/// Coalesces concurrent idempotency lookups into one query. Every order placement asks "was this key used?" before
/// anything else, and with several instances no process can answer from memory (DESIGN §3): one statement per
/// lookup was a fifth of PostgreSQL's statements per order. One loop takes whatever is queued (up to
/// <see cref="MaxBatch"/>) and answers it with one round trip; while that query runs, the next lookups queue up.
/// </summary>
internal sealed class IdempotencyLookups : IAsyncDisposable
{
    /// <summary>At most this many keys per query, so one lookup never waits behind an unbounded statement.</summary>
    public const int MaxBatch = 256;

    private readonly IdempotencyQueries _queries;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public IdempotencyLookups(IdempotencyQueries queries)
    {
        _queries = queries;
        _loop = Task.Run(RunAsync);
    }

    public Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(key);
        var pending = new Pending(new IdempotencyQueries.Key(scope, key));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(PostgresStorage));
        }

        // A caller that gives up stops waiting; its key is still looked up with the others, which costs nothing extra.
        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Answers what is already queued, then stops taking lookups.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                var found = await _queries.FindManyAsync(batch.ConvertAll(p => p.Key), CancellationToken.None);
                batch.ForEach(p => p.Completion.TrySetResult(found.GetValueOrDefault(p.Key)));
            }
#pragma warning disable CA1031 // The loop must survive any failure: it is reported to the batch's callers instead.
            catch (Exception e)
#pragma warning restore CA1031
            {
                batch.ForEach(p => p.Completion.TrySetException(e));
            }

            batch.Clear();
        }
    }

    private sealed class Pending(IdempotencyQueries.Key key)
    {
        public IdempotencyQueries.Key Key { get; } = key;

        public TaskCompletionSource<IdempotencyRecord?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
