using Canteen.Core.Menu;
using Canteen.Core.Shared;
using Xunit;

namespace Canteen.Core.Tests.Menu;

public sealed class StoreMenuTests
{
    [Fact]
    public void Build_Categories_AreSortedBySort()
    {
        var menu = TestCatalog.MainMenu();

        Assert.Equal(["drinks", "mains", "sides"], menu.Categories.Select(c => c.Id));
    }

    [Fact]
    public void Build_Dishes_FollowCategoryOrderThenCatalogOrder()
    {
        var menu = TestCatalog.MainMenu();

        Assert.Equal(["tea", "noodles", "rice", "duck", "cucumber", "closed"], menu.Dishes.Select(d => d.Id));
    }

    [Fact]
    public void Build_DishInUnknownCategory_IsListedLast()
    {
        var menu = StoreMenu.Build(TestCatalog.Main, TestCatalog.Create([new Dish("stray", "nowhere", "Stray", 100, [])]));

        Assert.Equal("stray", menu.Dishes[^1].Id);
    }

    [Fact]
    public void Build_PriceOverride_AppliesOnlyToItsStore()
    {
        var main = TestCatalog.MainMenu();
        var other = TestCatalog.OtherMenu();

        Assert.Equal(new Money(9800, "CNY"), Dish(main, "duck").Price);
        Assert.Equal(new Money(12800, "CNY"), Dish(other, "duck").Price);
        Assert.Equal(new Money(2600, "CNY"), Dish(main, "noodles").Price);
        Assert.Equal(new Money(3000, "CNY"), Dish(other, "noodles").Price);
    }

    [Fact]
    public void Build_Availability_AppliesOnlyToItsStore()
    {
        var main = TestCatalog.MainMenu();
        var other = TestCatalog.OtherMenu();

        Assert.False(Dish(main, "closed").Available);
        Assert.True(Dish(other, "closed").Available);
        Assert.Equal(["closed"], main.Dishes.Where(d => !d.Available).Select(d => d.Id));
    }

    [Fact]
    public void Build_UnavailableDish_StaysOnTheMenu()
    {
        // Pricing must be able to say "not sold here" rather than "unknown dish".
        Assert.True(TestCatalog.MainMenu().TryGetDish("closed", out _));
    }

    [Fact]
    public void Build_StoreCurrency_IsTheCurrencyOfEveryPrice()
    {
        var store = TestCatalog.Main with { Id = "hk", Currency = "HKD" };

        var menu = StoreMenu.Build(store, TestCatalog.Create());

        Assert.All(menu.Dishes, d => Assert.Equal("HKD", d.Price.Currency));
        Assert.Same(store, menu.Store);
    }

    [Fact]
    public void Build_DailyPortions_MarksDishLimited()
    {
        var menu = TestCatalog.MainMenu();

        Assert.True(Dish(menu, "duck").Limited);
        Assert.False(Dish(menu, "noodles").Limited);
    }

    [Fact]
    public void Build_ModifierGroups_AttachedInDishOrder()
    {
        var noodles = Dish(TestCatalog.MainMenu(), "noodles");

        Assert.Equal(["spice", "size", "addons"], noodles.ModifierGroups.Select(g => g.Id));
        Assert.Equal(3, noodles.ModifierGroups[2].Options.Count);
    }

    [Fact]
    public void Build_UnknownModifierGroup_ThrowsCatalogInvalid()
    {
        var catalog = TestCatalog.Create([new Dish("broken", "mains", "Broken", 100, ["spice", "ghost"])]);

        var ex = Assert.Throws<DomainException>(() => StoreMenu.Build(TestCatalog.Main, catalog));

        Assert.Equal("catalog_invalid", ex.Code);
        Assert.Contains("ghost", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGetDish_UnknownId_ReturnsFalse()
    {
        var menu = TestCatalog.MainMenu();

        Assert.False(menu.TryGetDish("pizza", out _));
        Assert.False(menu.TryGetDish("Rice", out _));
    }

    private static MenuDish Dish(StoreMenu menu, string id)
    {
        Assert.True(menu.TryGetDish(id, out var dish), $"'{id}' should be on the menu.");
        return dish;
    }
}
