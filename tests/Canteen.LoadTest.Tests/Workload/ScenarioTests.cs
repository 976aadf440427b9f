using Canteen.LoadTest.Options;
using Canteen.LoadTest.Tests.Support;
using Canteen.LoadTest.Workload;

namespace Canteen.LoadTest.Tests.Workload;

public sealed class ScenarioTests
{
    private const int Draws = 20_000;

    [Fact]
    public void Next_MixedWithOrdersToCancel_SplitsSixtyThirtyTen()
    {
        var scenario = new Scenario(ScenarioKind.Mixed, [Templates("sh-jingan"), Templates("cd-chunxi")]);
        Place(scenario, 10_000);

        var counts = Count(scenario, new Random(42));

        Assert.InRange(counts[OperationKind.Menu], 0.57 * Draws, 0.63 * Draws);
        Assert.InRange(counts[OperationKind.Order], 0.27 * Draws, 0.33 * Draws);
        Assert.InRange(counts[OperationKind.Cancel], 0.08 * Draws, 0.12 * Draws);
    }

    // A cancel needs an order placed earlier; until there is one, that share is sent as orders.
    [Fact]
    public void Next_MixedWithNothingToCancel_SendsOrdersInstead()
    {
        var counts = Count(new Scenario(ScenarioKind.Mixed, [Templates("sh-jingan")]), new Random(42));

        Assert.Equal(0, counts[OperationKind.Cancel]);
        Assert.InRange(counts[OperationKind.Order], 0.37 * Draws, 0.43 * Draws);
    }

    [Theory]
    [InlineData(nameof(ScenarioKind.LunchRush))]
    [InlineData(nameof(ScenarioKind.FlashSale))]
    public void Next_OrderScenarios_OnlyOrderEvenWithPlacedOrders(string kind)
    {
        var scenario = new Scenario(Enum.Parse<ScenarioKind>(kind), [Templates("sh-jingan"), Templates("bj-sanlitun")]);
        Place(scenario, 100);

        var random = new Random(42);
        var operations = Enumerable.Range(0, 2_000).Select(_ => scenario.Next(random)).ToList();

        Assert.All(operations, o => Assert.Equal(OperationKind.Order, o.Kind));
        Assert.Equal(["bj-sanlitun", "sh-jingan"], operations.Select(o => o.Template!.StoreId).Distinct().Order());
    }

    [Fact]
    public void Next_MixedCancel_PostsToThePlacedOrderWithItsGuestsToken()
    {
        var scenario = new Scenario(ScenarioKind.Mixed, [Templates("sh-jingan")]);
        var placed = new AckedOrder("4711", TestMenus.Holding("sh-jingan"));
        scenario.OnPlaced(placed);

        var random = new Random(42);
        var cancel = Enumerable.Range(0, 1_000).Select(_ => scenario.Next(random)).First(o => o.Kind == OperationKind.Cancel);

        Assert.Equal("/api/v1/orders/4711/cancel", cancel.Path);
        Assert.Same(placed, cancel.Target);
        Assert.Equal(placed.Template.Authorization, cancel.Authorization);
    }

    [Fact]
    public void Next_MixedMenuRead_GetsAStoresMenuAnonymously()
    {
        var scenario = new Scenario(ScenarioKind.Mixed, [Templates("cd-chunxi")]);
        var random = new Random(42);

        var menu = Enumerable.Range(0, 100).Select(_ => scenario.Next(random)).First(o => o.Kind == OperationKind.Menu);

        Assert.Equal(("/api/v1/stores/cd-chunxi/menu", (string?)null), (menu.Path, menu.Authorization));
    }

    // A long run must not keep every order it placed: only the newest 10,000 stay cancellable.
    [Fact]
    public void OnPlaced_MoreThanTheBound_KeepsAtMostTenThousand()
    {
        var scenario = new Scenario(ScenarioKind.Mixed, [Templates("sh-jingan")]);
        Place(scenario, 10_050);

        var random = new Random(42);
        var cancels = Enumerable.Range(0, 200_000).Count(_ => scenario.Next(random).Kind == OperationKind.Cancel);

        Assert.Equal(10_000, cancels);
    }

    private static IReadOnlyList<OrderTemplate> Templates(string storeId) =>
        TemplateFactory.LunchRush(TestMenus.Store(storeId), TestMenus.Guests(storeId), new Random(1));

    private static void Place(Scenario scenario, int count)
    {
        var template = TestMenus.Holding("sh-jingan");
        for (var i = 0; i < count; i++)
        {
            scenario.OnPlaced(new AckedOrder(i.ToString(System.Globalization.CultureInfo.InvariantCulture), template));
        }
    }

    private static Dictionary<OperationKind, int> Count(Scenario scenario, Random random)
    {
        var counts = Enum.GetValues<OperationKind>().ToDictionary(k => k, _ => 0);
        for (var i = 0; i < Draws; i++)
        {
            counts[scenario.Next(random).Kind]++;
        }

        return counts;
    }
}
