using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;

namespace Canteen.Integration.Tests.Inventory;

/// <summary>The contract against the embedded in-process ledger, the reference implementation (no service needed).</summary>
public sealed class InProcessStockLedgerContractTests : StockAuthorityContractTests
{
    protected override async Task<IStockAuthority> CreateAuthorityAsync(IReadOnlyList<StockTotal> totals, IReadOnlyList<PersistedHold> holds)
    {
        var ledger = new InProcessStockLedger();
        await ledger.InitializeAsync(totals, holds, Ct);
        return ledger;
    }

    protected override ValueTask CleanupAsync() => ValueTask.CompletedTask;
}
