using Canteen.Integration.Tests.Support;

namespace Canteen.Integration.Tests.Storage;

public abstract partial class StorageContractTests<TStorage>
{
    [Fact]
    public async Task FindAsync_StoredIdempotencyRecord_RoundTripsEveryField()
    {
        var storage = await OpenAsync();
        var full = TestOrders.Idempotency("key-1", body: [0x7B, 0x00, 0xFF, 0x7D]);
        var bare = TestOrders.Idempotency("key-2", body: [], location: null);

        await CommitAsync(storage, TestOrders.Insert(TestOrders.Create(1), idempotency: full), TestOrders.Insert(TestOrders.Create(2), idempotency: bare));

        foreach (var expected in new[] { full, bare })
        {
            var found = await FindRecordAsync(storage, expected.Scope, expected.Key);
            Assert.NotNull(found);
            Assert.Equal(expected.Body, found.Body);
            Assert.Equal(expected with { Body = found.Body }, found);
            Assert.Equal(expected.CreatedAt.UtcTicks, found.CreatedAt.UtcTicks);
        }
    }

    [Fact]
    public async Task FindAsync_UnknownKeyOrOtherScope_ReturnsNull()
    {
        var storage = await OpenAsync();
        var record = TestOrders.Idempotency("key-1");
        await CommitAsync(storage, TestOrders.Insert(TestOrders.Create(1), idempotency: record));

        Assert.Null(await FindRecordAsync(storage, record.Scope, "key-2"));
        Assert.Null(await FindRecordAsync(storage, "guest-2", record.Key));
    }
}
