using Canteen.Core.Inventory;
using Canteen.Engine.Inventory;
using Canteen.Engine.Storage;

namespace Canteen.Integration.Tests.Inventory;

/// <summary>
/// The behaviour every stock authority must show (DESIGN §4), written against <see cref="IStockAuthority"/> only: the
/// in-process ledger, Redis and PostgreSQL each subclass this and say how to create an authority over state private
/// to the test. The cases mirror the in-process ledger's own tests, which is the reference implementation.
/// </summary>
public abstract partial class StockAuthorityContractTests : IAsyncDisposable
{
    protected const string Store = "sh-jingan";
    protected const string OtherStore = "cd-chunxi";
    protected const string Pork = "braised-pork";
    protected const string Crayfish = "crayfish";
    protected const string Duck = "peking-duck";
    protected const string Dumplings = "xiaolongbao";
    protected static readonly DateTimeOffset Deadline = new(2026, 3, 14, 4, 15, 0, TimeSpan.Zero);

    private readonly List<IStockAuthority> _created = [];

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Braised pork 50, crayfish 30, Peking duck 20 in <see cref="Store"/>; xiaolongbao is unlimited.</summary>
    protected static IReadOnlyList<StockTotal> DefaultTotals { get; } =
    [
        new StockTotal(Store, Pork, 50, 50),
        new StockTotal(Store, Crayfish, 30, 30),
        new StockTotal(Store, Duck, 20, 20),
    ];

    public async ValueTask DisposeAsync()
    {
        foreach (var authority in _created)
        {
            if (authority is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        await CleanupAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// A new authority, initialised with <paramref name="totals"/> and <paramref name="holds"/>, over state private to
    /// this test. Shared authorities (Redis, PostgreSQL) target the same state on every call within one test, so a
    /// second call opens another instance over what the first one established.
    /// </summary>
    protected abstract Task<IStockAuthority> CreateAuthorityAsync(IReadOnlyList<StockTotal> totals, IReadOnlyList<PersistedHold> holds);

    /// <summary>Removes this test's state; runs once, after every authority the test created is disposed.</summary>
    protected abstract ValueTask CleanupAsync();

    protected async Task<IStockAuthority> CreateAsync(IReadOnlyList<StockTotal> totals, params PersistedHold[] holds)
    {
        var authority = await CreateAuthorityAsync(totals, holds);
        _created.Add(authority);
        return authority;
    }

    protected Task<IStockAuthority> CreateAsync(params PersistedHold[] holds) => CreateAsync(DefaultTotals, holds);

    protected static HoldRequest Request(long orderId, params (string Dish, int Quantity)[] lines) =>
        new(orderId, Store, [.. lines.Select(l => new HoldLine(l.Dish, l.Quantity))], Deadline);

    protected static PersistedHold Persisted(long orderId, string dishId, int quantity, HoldState state) =>
        new(orderId, Store, dishId, quantity, state, Deadline);

    protected static async Task<StockLevel> LevelAsync(IStockAuthority authority, string dishId) =>
        await authority.GetLevelAsync(Store, dishId, Ct) ?? throw new InvalidOperationException($"'{dishId}' is not limited.");

    /// <summary>The invariant of DESIGN §4: nothing negative, and the total is what it was.</summary>
    protected static async Task AssertConsistentAsync(IStockAuthority authority, string dishId, int total)
    {
        var level = await LevelAsync(authority, dishId);
        Assert.True(level.IsConsistent, $"Negative counter: {level}");
        Assert.Equal(total, level.Total);
    }
}
