using Canteen.LoadTest.Menu;
using Canteen.LoadTest.Workload;

namespace Canteen.LoadTest.Tests.Support;

/// <summary>Small menus and templates for tests that need a scenario but not a server.</summary>
internal static class TestMenus
{
    public static StoreMenu Store(string storeId = "sh-jingan") => BuiltInMenu.Stores.Single(s => s.StoreId == storeId);

    public static IReadOnlyList<GuestPass> Guests(string storeId, int count = 4) =>
        Enumerable.Range(1, count).Select(i => new GuestPass(storeId, TemplateFactory.TableName(i), $"Bearer guest-{storeId}-{i}")).ToList();

    /// <summary>An order template that holds the given portions of limited dishes (the body is irrelevant here).</summary>
    public static OrderTemplate Holding(string storeId, params (string Dish, int Quantity)[] holds) => new(
        storeId,
        $"/api/v1/stores/{storeId}/orders",
        "{}"u8.ToArray(),
        $"Bearer guest-{storeId}",
        holds.ToDictionary(h => h.Dish, h => h.Quantity, StringComparer.Ordinal));
}
