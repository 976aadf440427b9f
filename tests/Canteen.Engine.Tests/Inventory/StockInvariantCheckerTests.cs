using Canteen.Core.Inventory;
using Canteen.Engine.Catalog;
using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;
using Canteen.Engine.Tests.Support;
using Microsoft.Extensions.Options;
using Xunit;

namespace Canteen.Engine.Tests.Inventory;

public sealed class StockInvariantCheckerTests
{
    private const string Store = "sh-jingan";
    private const string Pork = "braised-pork";
    private const string Duck = "peking-duck";

    private readonly InProcessStockLedger _ledger = new();
    private readonly StubStockStore _storage = new(
        [new StockTotal(Store, Duck, 20, 20), new StockTotal(Store, Pork, 50, 50)],
        [
            new PersistedHold(1, Store, Pork, 3, HoldState.Held, TestOrders.Now.AddMinutes(15)),
            new PersistedHold(2, Store, Duck, 2, HoldState.Confirmed, TestOrders.Now),
        ]);

    private readonly StockInvariantChecker _checker;

    public StockInvariantCheckerTests()
    {
        _ledger.Load(_storage.Totals, _storage.Holds);
        var menus = new MenuCache();
        menus.Load(DemoCatalog.Create());

        // Real time with a tiny pause between snapshots: the test needs no clock, only several snapshots.
        _checker = new StockInvariantChecker(menus, _ledger, _storage, TimeProvider.System, Options.Create(new InventoryOptions
        {
            InvariantRetryDelay = TimeSpan.FromMilliseconds(1),
        }));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CheckAsync_LedgerAgreesWithStorage_IsOk()
    {
        var report = await _checker.CheckAsync(Ct);

        Assert.True(report.Ok);
        Assert.Equal(2, report.CheckedDishes);
        Assert.Empty(report.Violations);
        Assert.Empty(report.Pending);
    }

    [Fact]
    public async Task CheckAsync_TotalChangedInLedgerOnly_ReportsTotalMismatch()
    {
        await _ledger.SetTotalAsync(Store, Pork, 70, Ct);

        var report = await _checker.CheckAsync(Ct);

        Assert.False(report.Ok);
        var violation = Assert.Single(report.Violations);
        Assert.Equal(
            new StockInvariantViolation(Store, Pork, StockViolationReasons.TotalMismatch, new StockLevel(Pork, 67, 3, 0), 50, 3, 0),
            violation);
        Assert.Contains("storage: total 50", violation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_HoldWithoutLiveOrder_ReportsReservedMismatch()
    {
        await _ledger.TryHoldAsync(new HoldRequest(99, Store, [new HoldLine(Pork, 4)], TestOrders.Now), Ct);

        var report = await _checker.CheckAsync(Ct);

        var violation = Assert.Single(report.Violations);
        Assert.Equal(StockViolationReasons.ReservedMismatch, violation.Reason);
        Assert.Equal((7, 3), (violation.Level!.Value.Reserved, violation.HeldByLiveOrders));
    }

    [Fact]
    public async Task CheckAsync_SaleMissingFromLedger_ReportsSoldMismatch()
    {
        _storage.Holds = [.. _storage.Holds, new PersistedHold(3, Store, Duck, 1, HoldState.Confirmed, TestOrders.Now)];

        var report = await _checker.CheckAsync(Ct);

        Assert.Contains(report.Violations, v => v.Reason == StockViolationReasons.SoldMismatch && v.DishId == Duck);
    }

    [Fact]
    public async Task CheckAsync_OrderInFlightCommitsDuringCheck_ReportsNothing()
    {
        // Held in the ledger, its row not yet committed on the first look, committed by the second.
        await _ledger.TryHoldAsync(new HoldRequest(99, Store, [new HoldLine(Pork, 4)], TestOrders.Now), Ct);
        var committed = _storage.Holds.Append(new PersistedHold(99, Store, Pork, 4, HoldState.Held, TestOrders.Now)).ToList();
        _storage.HoldsOnLoad = load => load == 0 ? _storage.Holds : committed;

        var report = await _checker.CheckAsync(Ct);

        Assert.True(report.Ok);
        Assert.Empty(report.Pending);
    }

    [Fact]
    public async Task CheckAsync_DisagreementKeepsChanging_ReportsPendingNotViolation()
    {
        // A busy dish: every look at storage finds another number of held portions.
        _storage.HoldsOnLoad = load => [.. _storage.Holds.Select(h => h.DishId == Pork ? h with { Quantity = 4 + load } : h)];

        var report = await _checker.CheckAsync(Ct);

        Assert.True(report.Ok);
        Assert.Empty(report.Violations);
        Assert.Contains(report.Pending, v => v.Reason == StockViolationReasons.ReservedMismatch && v.DishId == Pork);
    }
}
