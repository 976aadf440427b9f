using Canteen.Engine.Catalog;
using Xunit;

namespace Canteen.Engine.Tests.Catalog;

public sealed class MenuCacheTests
{
    [Fact]
    public void TryGet_BeforeLoad_FindsNothing()
    {
        var cache = new MenuCache();

        Assert.False(cache.TryGet("sh-jingan", out _));
        Assert.Empty(cache.Stores);
    }

    [Fact]
    public void Load_DemoCatalog_BuildsAMenuPerStoreWithItsSettings()
    {
        var cache = new MenuCache();

        cache.Load(DemoCatalog.Create());

        Assert.Equal(["sh-jingan", "cd-chunxi", "bj-sanlitun"], cache.Stores.Select(s => s.Id));
        Assert.True(cache.TryGet("bj-sanlitun", out var beijing));
        Assert.True(beijing.TryGetDish("peking-duck", out var duck));
        Assert.Equal(9800, duck.Price.Minor);
        Assert.True(duck.Limited);
        Assert.True(cache.TryGet("sh-jingan", out var shanghai));
        Assert.True(shanghai.TryGetDish("chongqing-xiaomian", out var noodles));
        Assert.False(noodles.Available);
        Assert.False(cache.TryGet("mars-base", out _));
    }

    [Fact]
    public void Load_AgainWithFewerStores_ReplacesTheWholeSnapshot()
    {
        var cache = new MenuCache();
        cache.Load(DemoCatalog.Create());
        var demo = DemoCatalog.Create();

        cache.Load(demo with { Stores = [.. demo.Stores.Where(s => s.Id == "cd-chunxi")] });

        Assert.Equal(["cd-chunxi"], cache.Stores.Select(s => s.Id));
        Assert.False(cache.TryGet("sh-jingan", out _));
        Assert.True(cache.TryGet("cd-chunxi", out _));
    }
}
