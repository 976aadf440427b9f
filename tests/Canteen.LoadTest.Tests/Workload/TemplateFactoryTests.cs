using Canteen.LoadTest.Menu;
using Canteen.LoadTest.Tests.Support;
using Canteen.LoadTest.Workload;

namespace Canteen.LoadTest.Tests.Workload;

public sealed class TemplateFactoryTests
{
    private static readonly StoreMenu Menu = TestMenus.Store("sh-jingan");
    private static readonly IReadOnlyList<GuestPass> Guests = TestMenus.Guests("sh-jingan");

    [Fact]
    public void LunchRush_EveryBody_OrdersOneToFiveDistinctMenuDishesWithValidOptions()
    {
        var templates = TemplateFactory.LunchRush(Menu, Guests, new Random(42));

        Assert.Equal(TemplateFactory.TemplatesPerStore, templates.Count);
        foreach (var body in templates.Select(t => OrderBody.Parse(t.Body)))
        {
            Assert.Equal("dine_in", body.Type);
            Assert.InRange(body.Items.Count, 1, 5);
            Assert.Equal(body.Items.Count, body.Items.Select(i => i.DishId).Distinct().Count());
            foreach (var line in body.Items)
            {
                var dish = Assert.Single(Menu.Dishes, d => d.Id == line.DishId);
                Assert.InRange(line.Quantity, 1, 3);
                AssertValidOptions(dish, line.Options);
            }
        }
    }

    // Guests order for a table of up to five; a generator stuck on one line count would measure a different server load.
    [Fact]
    public void LunchRush_ManyBodies_UseEveryLineCountFromOneToFive()
    {
        var counts = TemplateFactory.LunchRush(Menu, Guests, new Random(42)).Select(t => OrderBody.Parse(t.Body).Items.Count).ToHashSet();

        Assert.Equal([1, 2, 3, 4, 5], counts.Order());
    }

    [Fact]
    public void LunchRush_Templates_GoToTheStoreWithTheGuestsTokensAndTables()
    {
        var templates = TemplateFactory.LunchRush(Menu, Guests, new Random(42));

        for (var i = 0; i < templates.Count; i++)
        {
            var guest = Guests[i % Guests.Count];
            Assert.Equal(("sh-jingan", "/api/v1/stores/sh-jingan/orders"), (templates[i].StoreId, templates[i].Path));
            Assert.Equal(guest.Authorization, templates[i].Authorization);
            Assert.Equal(guest.Table, OrderBody.Parse(templates[i].Body).Table);
        }
    }

    // The stock check compares the server's stock against these numbers, so they must be exactly what the body asks for.
    [Fact]
    public void LunchRush_LimitedQuantities_AreTheLimitedLinesOfTheBody()
    {
        var limited = Menu.Dishes.Where(d => d.Limited).Select(d => d.Id).ToHashSet();
        var templates = TemplateFactory.LunchRush(Menu, Guests, new Random(42));

        foreach (var template in templates)
        {
            var expected = OrderBody.Parse(template.Body).Items.Where(i => limited.Contains(i.DishId)).ToDictionary(i => i.DishId, i => i.Quantity);
            Assert.Equal(expected.OrderBy(e => e.Key), template.LimitedQuantities.OrderBy(e => e.Key));
        }

        Assert.Contains(templates, t => t.LimitedQuantities.Count > 0);
    }

    [Fact]
    public void LunchRush_SameSeed_SameBodies()
    {
        var first = TemplateFactory.LunchRush(Menu, Guests, new Random(42));
        var second = TemplateFactory.LunchRush(Menu, Guests, new Random(42));
        var other = TemplateFactory.LunchRush(Menu, Guests, new Random(43));

        Assert.Equal(first.Select(t => Convert.ToBase64String(t.Body)), second.Select(t => Convert.ToBase64String(t.Body)));
        Assert.NotEqual(first.Select(t => Convert.ToBase64String(t.Body)), other.Select(t => Convert.ToBase64String(t.Body)));
    }

    [Fact]
    public void FlashSale_EveryBody_TargetsOnlyTheChosenDishWithOnePortion()
    {
        var templates = TemplateFactory.FlashSale(Menu, "braised-pork", Guests);

        Assert.Equal(Guests.Count, templates.Count);
        foreach (var template in templates)
        {
            var line = Assert.Single(OrderBody.Parse(template.Body).Items);
            Assert.Equal(("braised-pork", 1), (line.DishId, line.Quantity));
            AssertValidOptions(Menu.Dishes.Single(d => d.Id == "braised-pork"), line.Options);
            Assert.Equal(new Dictionary<string, int> { ["braised-pork"] = 1 }, template.LimitedQuantities);
        }
    }

    [Theory]
    [InlineData("mapo-tofu", "no limited stock")]
    [InlineData("lobster", "does not sell")]
    public void FlashSale_DishThatCannotSellOut_IsRefusedWithReason(string dish, string reason)
    {
        var e = Assert.Throws<InvalidOperationException>(() => TemplateFactory.FlashSale(Menu, dish, Guests));

        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnonymousGuests_Tables_AreNumberedWithoutTokens()
    {
        var guests = TemplateFactory.AnonymousGuests("cd-chunxi", 12);

        Assert.Equal(["T01", "T02", "T12"], new[] { guests[0].Table, guests[1].Table, guests[11].Table });
        Assert.All(guests, g => Assert.Equal(("cd-chunxi", (string?)null), (g.StoreId, g.Authorization)));
    }

    private static void AssertValidOptions(MenuDish dish, IReadOnlyList<string> options)
    {
        Assert.Equal(options.Count, options.Distinct().Count());
        Assert.All(options, o => Assert.Contains(dish.Groups, g => g.OptionIds.Contains(o)));
        foreach (var group in dish.Groups)
        {
            Assert.InRange(options.Count(group.OptionIds.Contains), group.Min, group.Max);
        }
    }
}
