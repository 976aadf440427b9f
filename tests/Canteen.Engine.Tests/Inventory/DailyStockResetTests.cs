using Canteen.Core.Inventory;
using Canteen.Engine.Catalog;
using Canteen.Engine.Inventory;
using Canteen.Engine.Ordering;
using Canteen.Engine.Storage;
using Canteen.Engine.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Canteen.Engine.Tests.Inventory;

public sealed class DailyStockResetTests : IAsyncDisposable
{
    private const string Shanghai = "sh-jingan";
    private const string Chengdu = "cd-chunxi";
    private const string Beijing = "bj-sanlitun";
    private const string Pork = "braised-pork";

    /// <summary>Midnight in Shanghai (UTC+8) after <see cref="TestOrders.Now"/>, which is noon there.</summary>
    private static readonly DateTimeOffset ShanghaiMidnight = new(2026, 3, 14, 16, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(TestOrders.Now);
    private readonly MenuCache _menus = new();
    private readonly InProcessStockLedger _ledger = new();
    private readonly RecordingOrderStore _orders = new();
    private readonly OrderWriter _writer;
    private readonly List<(string StoreId, DateTimeOffset At)> _resets = [];

    public DailyStockResetTests()
    {
        _menus.Load(DemoCatalog.Create());
        _writer = new OrderWriter(_orders, Options.Create(new OrderingOptions()), NullLogger<OrderWriter>.Instance);
        _writer.Start();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExecuteAsync_ShanghaiStores_ResetAtLocalMidnightNotBefore()
    {
        using var reset = await StartAsync(Stock(confirmedDeadline: TestOrders.Now.AddHours(-1)));

        _time.Advance(ShanghaiMidnight.AddMinutes(-1) - _time.GetUtcNow());
        Assert.Empty(_orders.Writes);
        Assert.Equal(new StockLevel(Pork, 38, 2, 10), await LevelAsync(Shanghai));

        await AdvanceUntilAsync(() => ResetCount == 3);

        Assert.All(Resets, r => Assert.True(r.At >= ShanghaiMidnight, $"{r.StoreId} was reset at {r.At:O}"));
        Assert.Equal([Beijing, Chengdu, Shanghai], _orders.Writes.Cast<ResetDailyStock>().Select(w => w.StoreId).Order());
        Assert.Equal(new StockLevel(Pork, 48, 2, 0), await LevelAsync(Shanghai));
        Assert.Equal(new StockLevel(Pork, 50, 0, 0), await LevelAsync(Chengdu));
        await reset.StopAsync(Ct);
    }

    [Fact]
    public async Task ExecuteAsync_StoreInAnotherZone_NotResetAtShanghaiMidnight()
    {
        var catalog = DemoCatalog.Create();
        _menus.Load(catalog with
        {
            Stores = [.. catalog.Stores.Select(s => s.Id == Chengdu ? s with { TimeZoneId = "Europe/London" } : s)],
        });
        using var reset = await StartAsync(Stock(confirmedDeadline: TestOrders.Now.AddHours(-1)));

        _time.Advance(ShanghaiMidnight.AddMinutes(-1) - _time.GetUtcNow());
        await AdvanceUntilAsync(() => ResetCount == 2);

        Assert.Equal([Beijing, Shanghai], _orders.Writes.Cast<ResetDailyStock>().Select(w => w.StoreId).Order());
        Assert.Equal(new StockLevel(Pork, 45, 0, 5), await LevelAsync(Chengdu));
        await reset.StopAsync(Ct);
    }

    [Fact]
    public async Task ExecuteAsync_StorageWriteFails_LedgerWaitsUntilTheResetIsDurable()
    {
        using var reset = await StartAsync(Stock(confirmedDeadline: TestOrders.Now.AddHours(-1)));
        _orders.Failing = true;

        _time.Advance(ShanghaiMidnight.AddMinutes(-1) - _time.GetUtcNow());
        await AdvanceUntilAsync(() => _orders.CommitAttempts >= 2);
        Assert.Equal(0, ResetCount);
        Assert.Equal(new StockLevel(Pork, 38, 2, 10), await LevelAsync(Shanghai));

        _orders.Failing = false;
        await AdvanceUntilAsync(() => ResetCount == 3);
        Assert.Equal(new StockLevel(Pork, 48, 2, 0), await LevelAsync(Shanghai));
        Assert.Equal(3, _orders.Writes.OfType<ResetDailyStock>().Count());
        await reset.StopAsync(Ct);
    }

    [Fact]
    public async Task StartAsync_SaleConfirmedBeforeLastMidnight_CatchesUpBeforeServing()
    {
        // Paid yesterday evening (Shanghai): the process was down when today's reset was due.
        using var reset = await StartAsync(Stock(confirmedDeadline: new DateTimeOffset(2026, 3, 13, 10, 0, 0, TimeSpan.Zero)));

        Assert.Equal([Shanghai], _orders.Writes.Cast<ResetDailyStock>().Select(w => w.StoreId));
        Assert.Equal(new StockLevel(Pork, 48, 2, 0), await LevelAsync(Shanghai));
        Assert.Equal(new StockLevel(Pork, 45, 0, 5), await LevelAsync(Chengdu));
        await reset.StopAsync(Ct);
    }

    [Fact]
    public async Task StartAsync_SalesConfirmedToday_DoesNotResetAgain()
    {
        // Paid half an hour after today's local midnight: the reset that settled yesterday has already run.
        using var reset = await StartAsync(Stock(confirmedDeadline: ShanghaiMidnight.AddDays(-1).AddMinutes(30)));

        Assert.Empty(_orders.Writes);
        Assert.Equal(new StockLevel(Pork, 38, 2, 10), await LevelAsync(Shanghai));
        await reset.StopAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await _writer.DisposeAsync();

    private IReadOnlyList<(string StoreId, DateTimeOffset At)> Resets
    {
        get
        {
            lock (_resets)
            {
                return [.. _resets];
            }
        }
    }

    private int ResetCount => Resets.Count;

    /// <summary>
    /// Pork in Shanghai (50: 10 sold to a confirmed hold with the given deadline, 2 held) and in Chengdu (50: 5 sold
    /// today); Beijing's pork untouched. The ledger is loaded from it, as start-up would.
    /// </summary>
    private StubStockStore Stock(DateTimeOffset confirmedDeadline)
    {
        var store = new StubStockStore(
            [new StockTotal(Beijing, Pork, 50, 50), new StockTotal(Chengdu, Pork, 50, 50), new StockTotal(Shanghai, Pork, 50, 50)],
            [
                new PersistedHold(1, Shanghai, Pork, 10, HoldState.Confirmed, confirmedDeadline),
                new PersistedHold(2, Shanghai, Pork, 2, HoldState.Held, TestOrders.Now.AddMinutes(15)),
                new PersistedHold(3, Chengdu, Pork, 5, HoldState.Confirmed, TestOrders.Now),
            ]);
        _ledger.Load(store.Totals, store.Holds);
        return store;
    }

    private async Task<DailyStockReset> StartAsync(StubStockStore stock)
    {
        var reset = new DailyStockReset(
            _menus, stock, _ledger, _writer, _time, Options.Create(new InventoryOptions()), NullLogger<DailyStockReset>.Instance);
        reset.StoreReset += storeId =>
        {
            lock (_resets)
            {
                _resets.Add((storeId, _time.GetUtcNow()));
            }
        };
        await reset.StartAsync(Ct);
        return reset;
    }

    private async Task<StockLevel?> LevelAsync(string storeId) => await _ledger.GetLevelAsync(storeId, Pork, Ct);

    /// <summary>
    /// Moves the fake clock a second at a time until <paramref name="condition"/> holds. The service's loop runs on
    /// its own thread and may schedule its wait at any moment, so tests advance in small steps and check the clock
    /// readings the service recorded instead of relying on when a timer was created.
    /// </summary>
    private Task AdvanceUntilAsync(Func<bool> condition) => TestWait.UntilAsync(condition, () => _time.Advance(TimeSpan.FromSeconds(1)));
}
