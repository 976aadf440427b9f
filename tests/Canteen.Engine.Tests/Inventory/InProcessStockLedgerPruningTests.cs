using Canteen.Core.Inventory;
using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;
using Canteen.Engine.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Canteen.Engine.Tests.Inventory;

public sealed class InProcessStockLedgerPruningTests
{
    private const string Store = "sh-jingan";
    private const string Pork = "braised-pork";

    private readonly FakeTimeProvider _time = new(TestOrders.Now);
    private readonly InProcessStockLedger _ledger;

    public InProcessStockLedgerPruningTests()
    {
        _ledger = new InProcessStockLedger(_time, Options.Create(new InventoryOptions { ReleasedHoldRetention = TimeSpan.FromHours(1) }));
        _ledger.Load([new StockTotal(Store, Pork, 50, 50)], []);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PruneReleased_OlderThanRetention_ForgetsReleasedAndBarriersOnly()
    {
        await HoldAsync(1);
        await _ledger.CancelAsync(1, Ct);
        await _ledger.CancelAsync(2, Ct);
        await HoldAsync(3);
        await HoldAsync(4);
        await _ledger.ConfirmAsync(4, Ct);

        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, _ledger.PruneReleased());
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(2, _ledger.PruneReleased());

        Assert.Equal(2, _ledger.HoldCount);
        Assert.Equal(new StockLevel(Pork, 46, 2, 2), await _ledger.GetLevelAsync(Store, Pork, Ct));
    }

    [Fact]
    public async Task CancelAsync_LongAfterEarlierCancels_PrunesOnItsOwn()
    {
        await HoldAsync(1);
        await _ledger.CancelAsync(1, Ct);
        _time.Advance(TimeSpan.FromMinutes(61));

        await _ledger.CancelAsync(2, Ct);

        Assert.Equal(1, _ledger.HoldCount);
    }

    [Fact]
    public async Task TryHoldAsync_LateTryWithinRetention_StillBarred()
    {
        await _ledger.CancelAsync(5, Ct);
        _time.Advance(TimeSpan.FromMinutes(30));
        _ledger.PruneReleased();

        var result = await HoldAsync(5);

        Assert.False(result.Succeeded);
        Assert.Empty(result.SoldOutDishIds);
        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await _ledger.GetLevelAsync(Store, Pork, Ct));
    }

    [Fact]
    public async Task ConfirmAsync_AfterReleasedHoldWasForgotten_StillRefused()
    {
        await HoldAsync(1);
        await _ledger.CancelAsync(1, Ct);
        _time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, _ledger.PruneReleased());

        Assert.False(await _ledger.ConfirmAsync(1, Ct));
        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await _ledger.GetLevelAsync(Store, Pork, Ct));
    }

    private async Task<HoldResult> HoldAsync(long orderId) =>
        await _ledger.TryHoldAsync(new HoldRequest(orderId, Store, [new HoldLine(Pork, 2)], TestOrders.Now), Ct);
}
