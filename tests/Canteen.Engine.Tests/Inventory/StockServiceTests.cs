using Canteen.Core.Inventory;
using Canteen.Engine.Errors;
using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;
using Canteen.Engine.Tests.Support;
using Xunit;
using static Canteen.Engine.Tests.Support.EngineHarness;

namespace Canteen.Engine.Tests.Inventory;

public sealed class StockServiceTests
{
    private static readonly DateTimeOffset Deadline = TestOrders.Now.AddMinutes(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HoldRequest PorkHold(long orderId, int quantity) =>
        new(orderId, StoreId, [new HoldLine(Pork, quantity)], Deadline);

    [Fact]
    public async Task SetTotal_Valid_ChangesLedgerAndStorage()
    {
        await using var h = await StartAsync();
        await h.Ledger.TryHoldAsync(PorkHold(1, 5), Ct);

        var level = await h.Stock.SetTotalAsync(StoreId, Pork, 80, Ct).Guarded();

        Assert.Equal(new StockLevel(Pork, 75, 5, 0), level);
        Assert.Equal(level, await h.LevelAsync(Pork));
        Assert.Equal(80, h.Orders.TotalOf(StoreId, Pork));
    }

    [Fact]
    public async Task SetTotal_BelowReservedPlusSold_StockConflictAndNothingWritten()
    {
        await using var h = await StartAsync();
        await h.Ledger.TryHoldAsync(PorkHold(1, 5), Ct);

        var error = await Assert.ThrowsAsync<FailureException>(() => h.Stock.SetTotalAsync(StoreId, Pork, 4, Ct));

        Assert.Equal(FailureCodes.StockConflict, error.Failure.Code);
        Assert.Empty(h.Orders.Batches);
        Assert.Equal(new StockLevel(Pork, 45, 5, 0), await h.LevelAsync(Pork));
    }

    [Theory]
    [InlineData("mars-base", Pork)]
    [InlineData(StoreId, Dumplings)]
    public async Task SetTotal_UnknownStoreOrUnlimitedDish_NotFound(string storeId, string dishId)
    {
        await using var h = await StartAsync();

        var error = await Assert.ThrowsAsync<FailureException>(() => h.Stock.SetTotalAsync(storeId, dishId, 10, Ct));

        Assert.Equal(FailureCodes.NotFound, error.Failure.Code);
        Assert.Empty(h.Orders.Batches);
    }

    [Fact]
    public async Task GetLevels_UnknownStore_NotFound()
    {
        await using var h = await StartAsync();

        var error = await Assert.ThrowsAsync<FailureException>(() => h.Stock.GetLevelsAsync("mars-base", Ct));

        Assert.Equal(FailureCodes.NotFound, error.Failure.Code);
    }

    [Fact]
    public async Task SetTotal_WriteFails_PutsTheLedgerBack()
    {
        await using var h = await StartAsync();
        h.Orders.FailAllCommits();

        await Assert.ThrowsAsync<IOException>(() => h.Stock.SetTotalAsync(StoreId, Pork, 10, Ct).Guarded());

        Assert.Equal(new StockLevel(Pork, PorkTotal, 0, 0), await h.LevelAsync(Pork));
        Assert.Null(h.Orders.TotalOf(StoreId, Pork));
    }

    [Fact]
    public async Task SetTotal_WriteFailsAfterTheRaisedPortionsWereHeld_LedgerStillMatchesStorage()
    {
        await using var h = await StartAsync();
        Assert.True((await h.Ledger.TryHoldAsync(PorkHold(1, PorkTotal), Ct)).Succeeded);
        h.Orders.Block();
        h.Orders.FailAllCommits();

        // Staff raise the total from 50 to 60; the write is stuck in the writer.
        var raising = h.Stock.SetTotalAsync(StoreId, Pork, 60, Ct);
        await h.Orders.BlockedCommit.Guarded();

        // A guest orders in the meantime, then the write fails.
        await h.Ledger.TryHoldAsync(PorkHold(2, 10), Ct);
        h.Orders.Unblock();
        await Assert.ThrowsAsync<IOException>(() => raising.Guarded());

        // Storage still says 50, and so must the ledger: no portion may be sold that storage does not know of.
        Assert.Null(h.Orders.TotalOf(StoreId, Pork));
        Assert.Equal(PorkTotal, (await h.LevelAsync(Pork)).Total);
    }
}
