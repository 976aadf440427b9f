using Canteen.Core.Inventory;
using Canteen.Core.Ordering;
using Canteen.Engine.Catalog;
using Canteen.Engine.Inventory;
using Canteen.Engine.Ordering;
using Canteen.Engine.Payments;
using Canteen.Engine.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Canteen.Engine.Tests.Support;

/// <summary>
/// The engine wired the way <see cref="EngineStartup"/> wires it, over <see cref="InMemoryOrderStore"/>: the demo
/// menu, a ledger with two limited dishes in <see cref="StoreId"/>, pickup counters initialised, the writer running.
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public const string StoreId = "sh-jingan";
    public const string Pork = "braised-pork";
    public const string Duck = "peking-duck";
    public const string Dumplings = "xiaolongbao";
    public const int PorkTotal = 50;
    public const int DuckTotal = 20;

    private EngineHarness(OrderingOptions options)
    {
        Settings = options;
        Time = new FakeTimeProvider(TestOrders.Now);
        Menus = new MenuCache();
        Menus.Load(DemoCatalog.Create());
        Ledger = new InProcessStockLedger();
        Ledger.Load(
            [new StockTotal(StoreId, Pork, PorkTotal, PorkTotal), new StockTotal(StoreId, Duck, DuckTotal, DuckTotal)],
            []);
        Orders = new InMemoryOrderStore();
        var wrapped = Options.Create(options);
        Writer = new OrderWriter(Orders, wrapped, NullLogger<OrderWriter>.Instance);
        Pickups = new PickupNumberAllocator(Time);
        Handler = new PlaceOrderHandler(Menus, Ledger, Writer, new SnowflakeIdGenerator(Time, options.WorkerId), Pickups, Time, wrapped);
        FollowUp = new StockFollowUp(Ledger, Time, Options.Create(new PaymentOptions()), NullLogger<StockFollowUp>.Instance);
        Lifecycle = new OrderLifecycle(Orders, Writer, FollowUp, Time);
        Stock = new StockService(Menus, Ledger, Writer);
    }

    public OrderingOptions Settings { get; }

    public FakeTimeProvider Time { get; }

    public MenuCache Menus { get; }

    public InProcessStockLedger Ledger { get; }

    public InMemoryOrderStore Orders { get; }

    public OrderWriter Writer { get; }

    public PickupNumberAllocator Pickups { get; }

    public PlaceOrderHandler Handler { get; }

    public StockFollowUp FollowUp { get; }

    public OrderLifecycle Lifecycle { get; }

    public StockService Stock { get; }

    public static async Task<EngineHarness> StartAsync(Action<OrderingOptions>? configure = null)
    {
        var options = new OrderingOptions { WorkerId = 7, OverloadRetryAfter = TimeSpan.FromSeconds(3) };
        configure?.Invoke(options);
        var harness = new EngineHarness(options);
        await harness.Pickups.InitializeAsync(harness.Menus.Stores, harness.Orders, CancellationToken.None);
        harness.Writer.Start();
        return harness;
    }

    public async Task<StockLevel> LevelAsync(string dishId) =>
        await Ledger.GetLevelAsync(StoreId, dishId, CancellationToken.None)
            ?? throw new InvalidOperationException($"'{dishId}' is not limited.");

    public async ValueTask DisposeAsync()
    {
        Orders.Unblock();
        await Writer.DisposeAsync();
    }
}
