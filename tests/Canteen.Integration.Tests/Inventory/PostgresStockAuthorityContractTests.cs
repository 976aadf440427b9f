using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;
using Canteen.Stock.Postgres;

namespace Canteen.Integration.Tests.Inventory;

/// <summary>
/// The contract against <see cref="PostgresStockAuthority"/> on a real PostgreSQL server, in a schema of its own,
/// with concurrent Try requests batched per commit (the default).
/// </summary>
public class PostgresStockAuthorityContractTests : SharedStockAuthorityContractTests
{
    private StockTestSchema? _schema;

    /// <summary>Whether the authorities under test batch Try requests.</summary>
    protected virtual bool BatchTries => true;

    protected override async Task<IStockAuthority> CreateAuthorityAsync(IReadOnlyList<StockTotal> totals, IReadOnlyList<PersistedHold> holds)
    {
        _schema ??= await StockTestSchema.CreateAsync();
        var authority = new PostgresStockAuthority(new PostgresStockOptions { ConnectionString = _schema.ConnectionString, BatchTries = BatchTries });
        try
        {
            await authority.InitializeAsync(totals, holds, Ct);
            return authority;
        }
        catch
        {
            await authority.DisposeAsync();
            throw;
        }
    }

    protected override async ValueTask CleanupAsync()
    {
        if (_schema is not null)
        {
            await _schema.DropAsync();
        }
    }
}
