using Canteen.Core.Menu;
using Canteen.Core.Ordering;

namespace Canteen.Integration.Tests.Support;

/// <summary>
/// Field-by-field equality for records that hold lists (record equality compares list references, so it would
/// call two equal loads different).
/// </summary>
internal static class StorageAssert
{
    public static void SameOrder(OrderSnapshot expected, OrderSnapshot? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.StoreId, actual.StoreId);
        Assert.Equal(expected.OwnerId, actual.OwnerId);
        Assert.Equal(expected.Type, actual.Type);
        Assert.Equal(expected.Table, actual.Table);
        Assert.Equal(expected.Note, actual.Note);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Pickup, actual.Pickup);
        Assert.Equal(expected.PaymentDeadline.UtcTicks, actual.PaymentDeadline.UtcTicks);
        Assert.Equal(expected.CreatedAt.UtcTicks, actual.CreatedAt.UtcTicks);
        Assert.Equal(expected.UpdatedAt.UtcTicks, actual.UpdatedAt.UtcTicks);
        Assert.Equal(expected.Lines.Count, actual.Lines.Count);
        for (var i = 0; i < expected.Lines.Count; i++)
        {
            var (e, a) = (expected.Lines[i], actual.Lines[i]);
            Assert.Equal(e.DishId, a.DishId);
            Assert.Equal(e.Name, a.Name);
            Assert.Equal(e.Quantity, a.Quantity);
            Assert.Equal(e.UnitPrice, a.UnitPrice);
            Assert.Equal(e.Options, a.Options);
            Assert.Equal(e.LineTotal, a.LineTotal);
            Assert.Equal(e.Note, a.Note);
        }
    }

    public static void SameCatalog(Catalog expected, Catalog actual)
    {
        Assert.Equal(expected.Stores, actual.Stores);
        Assert.Equal(expected.Categories, actual.Categories);
        Assert.Equal(expected.StoreSettings, actual.StoreSettings);
        Assert.Equal(expected.ModifierGroups.Select(g => (g.Id, g.Name, g.Min, g.Max)), actual.ModifierGroups.Select(g => (g.Id, g.Name, g.Min, g.Max)));
        Assert.Equal(expected.ModifierGroups.Select(g => g.Options.ToList()), actual.ModifierGroups.Select(g => g.Options.ToList()));
        Assert.Equal(
            expected.Dishes.Select(d => (d.Id, d.CategoryId, d.Name, d.Price, d.DailyPortions)),
            actual.Dishes.Select(d => (d.Id, d.CategoryId, d.Name, d.Price, d.DailyPortions)));
        Assert.Equal(expected.Dishes.Select(d => d.ModifierGroupIds.ToList()), actual.Dishes.Select(d => d.ModifierGroupIds.ToList()));
    }
}
