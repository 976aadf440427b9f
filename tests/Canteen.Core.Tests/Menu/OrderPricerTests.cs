using Canteen.Core.Menu;
using Canteen.Core.Shared;
using Xunit;

namespace Canteen.Core.Tests.Menu;

public sealed class OrderPricerTests
{
    private static readonly StoreMenu Menu = TestCatalog.MainMenu();

    private static LineRequest Line(string dishId, int quantity = 1, params string[] options) =>
        new(dishId, quantity, options, Note: null);

    // A valid noodles line needs exactly one spice and one size option.
    private static LineRequest Noodles(int quantity = 1, params string[] extra) =>
        Line("noodles", quantity, ["spice-mild", "size-regular", .. extra]);

    [Fact]
    public void Price_DishWithoutOptions_UsesBasePrice()
    {
        var result = OrderPricer.Price(Menu, [Line("rice")]);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Errors);
        var line = Assert.Single(result.Lines);
        Assert.Equal("rice", line.DishId);
        Assert.Equal("Rice", line.Name);
        Assert.Equal(1, line.Quantity);
        Assert.Equal(new Money(300, "CNY"), line.UnitPrice);
        Assert.Equal(new Money(300, "CNY"), line.LineTotal);
        Assert.Empty(line.Options);
    }

    [Fact]
    public void Price_Options_AddTheirDeltasToUnitPrice()
    {
        var result = OrderPricer.Price(Menu, [Line("noodles", 1, "spice-hot", "size-large", "addon-egg", "addon-beef")]);

        var line = Assert.Single(result.Lines);
        Assert.Equal(new Money(2600 + 500 + 300 + 800, "CNY"), line.UnitPrice);
        Assert.Equal(["spice-hot", "size-large", "addon-egg", "addon-beef"], line.Options.Select(o => o.Id));
        Assert.Equal([0L, 500L, 300L, 800L], line.Options.Select(o => o.PriceDelta.Minor));
        Assert.All(line.Options, o => Assert.Equal("CNY", o.PriceDelta.Currency));
        Assert.Equal("Large", line.Options[1].Name);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(100)]
    public void Price_Quantity_LineTotalIsUnitPriceTimesQuantity(int quantity)
    {
        var result = OrderPricer.Price(Menu, [Noodles(quantity, "addon-tofu")]);

        var line = Assert.Single(result.Lines);
        Assert.Equal(quantity, line.Quantity);
        Assert.Equal(2800, line.UnitPrice.Minor);
        Assert.Equal(2800L * quantity, line.LineTotal.Minor);
    }

    [Fact]
    public void Price_SeveralLines_PricesEachInRequestOrderAndKeepsNotes()
    {
        var result = OrderPricer.Price(Menu,
        [
            new LineRequest("tea", 2, ["sweet-less"], "no straw"),
            Noodles(1, "addon-egg"),
            Line("rice", 3),
        ]);

        Assert.True(result.Succeeded);
        Assert.Equal(["tea", "noodles", "rice"], result.Lines.Select(l => l.DishId));
        Assert.Equal([2400L, 2900L, 900L], result.Lines.Select(l => l.LineTotal.Minor));
        Assert.Equal("no straw", result.Lines[0].Note);
        Assert.Null(result.Lines[1].Note);
    }

    [Fact]
    public void Price_StoreOverride_UsesTheStorePrice()
    {
        var main = OrderPricer.Price(Menu, [Line("duck")]);
        var other = OrderPricer.Price(TestCatalog.OtherMenu(), [Line("duck"), Noodles()]);

        Assert.Equal(9800, Assert.Single(main.Lines).UnitPrice.Minor);
        Assert.Equal([12800L, 3000L], other.Lines.Select(l => l.UnitPrice.Minor));
    }

    [Fact]
    public void LineRequest_Shape_HasNoWayToSupplyAPrice()
    {
        // The server is the only source of prices; a price field on the request would invite trusting it.
        var names = typeof(LineRequest).GetProperties().Select(p => p.Name);

        Assert.DoesNotContain(names, n => n.Contains("Price", StringComparison.OrdinalIgnoreCase)
            || n.Contains("Total", StringComparison.OrdinalIgnoreCase)
            || n.Contains("Amount", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Price_EmptyRequest_SucceedsWithNoLines()
    {
        var result = OrderPricer.Price(Menu, []);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Lines);
    }

    [Fact]
    public void Price_UnknownDish_ReportsDishIdField()
    {
        var result = OrderPricer.Price(Menu, [Line("pizza")]);

        AssertFailed(result, "items[0].dishId");
        Assert.Contains("pizza", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Price_DishNotSoldAtStore_ReportsDishIdField()
    {
        var result = OrderPricer.Price(Menu, [Line("closed")]);

        AssertFailed(result, "items[0].dishId");
        Assert.Contains("not sold", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Price_DishNotSoldAtOneStore_IsSoldAtTheOther()
    {
        Assert.True(OrderPricer.Price(TestCatalog.OtherMenu(), [Line("closed")]).Succeeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Price_QuantityBelowOne_ReportsQuantityField(int quantity)
    {
        var result = OrderPricer.Price(Menu, [Line("rice", quantity)]);

        AssertFailed(result, "items[0].quantity");
    }

    [Fact]
    public void Price_UnknownOption_ReportsOptionsField()
    {
        var result = OrderPricer.Price(Menu, [Noodles(1, "addon-caviar")]);

        AssertFailed(result, "items[0].options");
        Assert.Contains("addon-caviar", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Price_OptionOfAnotherDish_ReportsOptionsField()
    {
        // "sweet-less" exists on the menu, but only in a group that tea uses.
        var result = OrderPricer.Price(Menu, [Noodles(1, "sweet-less")]);

        AssertFailed(result, "items[0].options");
        Assert.Contains("sweet-less", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Price_OptionsOnDishWithoutGroups_ReportsOptionsField()
    {
        var result = OrderPricer.Price(Menu, [Line("rice", 1, "addon-egg")]);

        AssertFailed(result, "items[0].options");
    }

    [Fact]
    public void Price_DuplicateOption_ReportsOptionsFieldOnce()
    {
        var result = OrderPricer.Price(Menu, [Noodles(1, "addon-egg", "addon-egg")]);

        AssertFailed(result, "items[0].options");
        Assert.Contains("twice", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Price_RequiredGroupMissing_ReportsOptionsField()
    {
        var result = OrderPricer.Price(Menu, [Line("noodles", 1, "size-regular")]);

        AssertFailed(result, "items[0].options");
        Assert.Contains("Spice", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Price_TwoOptionsInExactlyOneGroup_ReportsOptionsField()
    {
        var result = OrderPricer.Price(Menu, [Line("noodles", 1, "spice-mild", "spice-hot", "size-regular")]);

        AssertFailed(result, "items[0].options");
        Assert.Contains("Spice", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Price_MoreThanMaxOfOptionalGroup_ReportsOptionsField()
    {
        var result = OrderPricer.Price(Menu, [Noodles(1, "addon-egg", "addon-beef", "addon-tofu")]);

        AssertFailed(result, "items[0].options");
        Assert.Contains("Add-ons", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Price_OptionalGroupsAtTheirBounds_Succeed()
    {
        var result = OrderPricer.Price(Menu,
        [
            Noodles(),
            Noodles(1, "addon-egg", "addon-beef"),
            Line("tea"),
            Line("tea", 1, "sweet-less"),
        ]);

        Assert.True(result.Succeeded);
        Assert.Equal([2600L, 3700L, 1200L, 1200L], result.Lines.Select(l => l.UnitPrice.Minor));
    }

    [Fact]
    public void Price_ErrorsOnSeveralLines_ReportsEveryErrorAndNoLines()
    {
        var result = OrderPricer.Price(Menu,
        [
            Line("pizza"),
            Line("rice"),
            Line("noodles", 1, "spice-hot"),
            Line("closed"),
            Line("tea", 0),
            Line("cucumber", 1, "spice-hot", "addon-egg"),
        ]);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Lines);
        Assert.Equal(
            ["items[0].dishId", "items[2].options", "items[3].dishId", "items[4].quantity", "items[5].options"],
            result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Price_SeveralProblemsOnOneLine_ReportsEachOfThem()
    {
        // Unknown option, duplicate add-on, and the spice group left empty: three errors on the same line.
        var result = OrderPricer.Price(Menu, [Line("noodles", 1, "size-large", "nope", "addon-egg", "addon-egg")]);

        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("items[0].options", e.Field));
        Assert.Empty(result.Lines);
    }

    [Fact]
    public void Price_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => OrderPricer.Price(null!, []));
        Assert.Throws<ArgumentNullException>(() => OrderPricer.Price(Menu, null!));
    }

    private static void AssertFailed(PricingResult result, string field)
    {
        Assert.False(result.Succeeded);
        Assert.Empty(result.Lines);
        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
