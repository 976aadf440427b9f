using Canteen.Engine.Inventory;
using Npgsql;

namespace Canteen.Stock.Postgres;

/// <summary>
/// The distributed stock authority on PostgreSQL, for deployments without Redis (DESIGN §4). Counters are moved by
/// conditional updates (<c>... WHERE available &gt;= q</c>), so a row lock, not the application, decides who gets the
/// last portion; a Try is one transaction over all its lines plus the hold row, committed only if every line fit.
/// With <see cref="PostgresStockOptions.BatchTries"/>, concurrent Try requests share one transaction and one UPDATE
/// per dish (<see cref="TryHoldBatcher"/>); otherwise each Try is one statement (<see cref="SingleTry"/>).
/// </summary>
public sealed partial class PostgresStockAuthority : IStockAuthority, IAsyncDisposable
{
    private readonly NpgsqlDataSource _source;
    private readonly PostgresStockOptions _options;
    private readonly TryHoldBatcher? _batcher;

    public PostgresStockAuthority(PostgresStockOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        _options = options;
        _source = StockDataSource.Create(options.ConnectionString);
        _batcher = options.BatchTries ? new TryHoldBatcher(_source, options.MaxBatch) : null;
    }

    public ValueTask<HoldResult> TryHoldAsync(HoldRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lines = RequestedLines.Combine(request.Lines);
        return _batcher is not null
            ? new ValueTask<HoldResult>(_batcher.TryHoldAsync(request, lines))
            : new ValueTask<HoldResult>(TransientRetry.RunAsync(() => SingleTry.RunAsync(_source, request, lines)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_batcher is not null)
        {
            await _batcher.DisposeAsync();
        }

        await _source.DisposeAsync();
    }
}
