using Canteen.Core.Ordering;
using Canteen.Engine.Identity;
using Canteen.Engine.Ordering;
using Canteen.Integration.Tests.Support;

namespace Canteen.Integration.Tests.Storage;

public abstract partial class StorageContractTests<TStorage>
{
    private static readonly UserAccount Staff = new("mei", "hash-1", UserRoles.Staff, ["s1", "s2"], TestOrders.Now);

    [Fact]
    public async Task CreateUserAsync_NewUser_FoundWithEveryFieldAndCounted()
    {
        var storage = await OpenAsync();
        var admin = new UserAccount("root", "hash-2", UserRoles.Admin, [], TestOrders.Now.AddTicks(7));

        Assert.Equal(0, await storage.CountUsersAsync(Ct));
        Assert.True(await storage.CreateUserAsync(Staff, Ct));
        Assert.True(await storage.CreateUserAsync(admin, Ct));

        var found = await storage.FindUserAsync("mei", Ct);
        Assert.NotNull(found);
        Assert.Equal(Staff.StoreIds, found.StoreIds);
        Assert.Equal(Staff with { StoreIds = found.StoreIds }, found);
        Assert.Equal(admin.CreatedAt.UtcTicks, (await storage.FindUserAsync("root", Ct))!.CreatedAt.UtcTicks);
        Assert.Empty((await storage.FindUserAsync("root", Ct))!.StoreIds);
        Assert.Equal(2, await storage.CountUsersAsync(Ct));
    }

    [Fact]
    public async Task CreateUserAsync_TakenUsername_FalseAndFirstKept()
    {
        var storage = await OpenAsync();
        await storage.CreateUserAsync(Staff, Ct);

        Assert.False(await storage.CreateUserAsync(Staff with { PasswordHash = "other", Role = UserRoles.Admin }, Ct));
        Assert.Equal("hash-1", (await storage.FindUserAsync("mei", Ct))!.PasswordHash);
        Assert.Null(await storage.FindUserAsync("MEI", Ct));
        Assert.Equal(1, await storage.CountUsersAsync(Ct));
    }

    [Fact]
    public async Task CountUnpaidOrdersAsync_MixedStatusesAndOwners_CountsOnlyThisOwnersCreatedAndPaying()
    {
        var storage = await OpenAsync();
        var created = TestOrders.Create(1);
        var paying = TestOrders.Create(2, sequence: 2);
        var cancelled = TestOrders.Create(3, sequence: 3);
        var otherOwner = TestOrders.CreateDineIn(4);
        await CommitAsync(storage, TestOrders.Insert(created), TestOrders.Insert(paying), TestOrders.Insert(cancelled), TestOrders.Insert(otherOwner));
        await CommitAsync(
            storage,
            TestOrders.Update(TestOrders.Moved(paying, OrderStatus.Paying, TimeSpan.FromSeconds(1)), 1),
            TestOrders.Update(TestOrders.Moved(cancelled, OrderStatus.Cancelled, TimeSpan.FromSeconds(1)), 1));

        Assert.Equal(2, await ((IUnpaidOrderCounter)storage).CountUnpaidOrdersAsync(created.OwnerId, Ct));
        Assert.Equal(1, await ((IUnpaidOrderCounter)storage).CountUnpaidOrdersAsync(otherOwner.OwnerId, Ct));
        Assert.Equal(0, await ((IUnpaidOrderCounter)storage).CountUnpaidOrdersAsync("nobody", Ct));
    }

    [Fact]
    public async Task CountUnpaidOrdersAsync_ManyOwnersAtOnce_EachGetsItsOwnCount()
    {
        var storage = await OpenAsync();
        var id = 0L;
        var inserts = Enumerable.Range(1, 5).SelectMany(owner => Enumerable.Range(0, owner).Select(_ =>
        {
            id++;
            return TestOrders.Insert(Order.Create(id, "s1", $"owner-{owner}", OrderType.Takeaway, null, null, TestOrders.Lines(),
                new PickupNumber(TestOrders.Day, (int)id), TestOrders.Now, TestOrders.PaymentTimeout));
        })).ToArray();
        await CommitAsync(storage, inserts);
        var counter = (IUnpaidOrderCounter)storage;

        // Every owner three times, plus one with no orders, all in flight together.
        var owners = Enumerable.Range(0, 3).SelectMany(_ => Enumerable.Range(0, 6)).Select(n => $"owner-{n}").ToList();
        var counts = await Task.WhenAll(owners.Select(o => counter.CountUnpaidOrdersAsync(o, Ct)));

        Assert.Equal(owners.Select(o => int.Parse(o[6..], System.Globalization.CultureInfo.InvariantCulture)), counts);
    }
}
