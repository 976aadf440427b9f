using Canteen.Core.Payments;
using Canteen.Engine.Storage;
using Canteen.Integration.Tests.Support;

namespace Canteen.Integration.Tests.Storage;

/// <summary>Payments on their own: the reads of <see cref="IPaymentStore"/> and <see cref="SavePayment"/>'s version check.</summary>
public abstract partial class StorageContractTests<TStorage>
{
    [Fact]
    public async Task FindPaymentAsync_AfterInsert_RoundTripsEverySnapshotField()
    {
        var storage = await OpenAsync();
        var full = TestPayments.Full(501, 1);
        var bare = Payment.Restore(TestPayments.Create(502, 1).ToSnapshot() with { Method = null, NextCheckAt = null });

        var outcomes = await CommitAsync(storage, TestPayments.Insert(full), TestPayments.Insert(bare));

        Assert.Equal([WriteOutcome.Committed, WriteOutcome.Committed], outcomes);
        foreach (var expected in new[] { full.ToSnapshot(), bare.ToSnapshot() })
        {
            var found = (await storage.FindPaymentAsync(expected.Id, Ct))?.ToSnapshot();
            Assert.Equal(expected, found);
            Assert.Equal(expected.NextCheckAt?.UtcTicks, found?.NextCheckAt?.UtcTicks);
            Assert.Equal(expected.CreatedAt.UtcTicks, found?.CreatedAt.UtcTicks);
            Assert.Equal(expected.UpdatedAt.UtcTicks, found?.UpdatedAt.UtcTicks);
            Assert.Equal(TimeSpan.Zero, found?.CreatedAt.Offset);
        }
    }

    [Fact]
    public async Task FindPaymentAsync_UnknownId_ReturnsNull()
    {
        var storage = await OpenAsync();
        await CommitAsync(storage, TestPayments.Insert(TestPayments.Create(1, 1)));

        Assert.Null(await storage.FindPaymentAsync(2, Ct));
    }

    [Fact]
    public async Task FindPaymentsOfOrderAsync_SeveralOrders_ReturnsOnlyThatOrdersOldestFirst()
    {
        var storage = await OpenAsync();

        // Ids deliberately out of creation order: "oldest" is by creation time.
        await CommitAsync(
            storage,
            TestPayments.Insert(TestPayments.Create(30, 7, createdAfter: TimeSpan.FromMinutes(2))),
            TestPayments.Insert(TestPayments.Create(40, 7)),
            TestPayments.Insert(TestPayments.Create(35, 8, createdAfter: TimeSpan.FromMinutes(1))),
            TestPayments.Insert(TestPayments.Create(20, 7, createdAfter: TimeSpan.FromMinutes(1))));

        Assert.Equal([40L, 20, 30], (await storage.FindPaymentsOfOrderAsync(7, Ct)).Select(p => p.Id));
        Assert.Equal([35L], (await storage.FindPaymentsOfOrderAsync(8, Ct)).Select(p => p.Id));
        Assert.Empty(await storage.FindPaymentsOfOrderAsync(9, Ct));
    }

    [Fact]
    public async Task FindDuePaymentsAsync_MixedSchedules_ReturnsOnlyDueEarliestFirstUpToTheLimit()
    {
        var storage = await OpenAsync();
        var first = TestPayments.Create(5, 1, checkAfter: TimeSpan.FromMinutes(1));
        var tie = TestPayments.Create(3, 2, checkAfter: TimeSpan.FromMinutes(1));
        var second = TestPayments.Create(1, 3, checkAfter: TimeSpan.FromMinutes(2));
        var later = TestPayments.Create(2, 4, checkAfter: TimeSpan.FromMinutes(3));
        var done = TestPayments.Succeeded(TestPayments.Create(4, 5, checkAfter: TimeSpan.Zero));
        await CommitAsync(storage, [.. new[] { later, second, done, first, tie }.Select(p => TestPayments.Insert(p))]);
        var at = TestOrders.Now.AddMinutes(2);

        Assert.Null(done.NextCheckAt);
        Assert.Empty(await storage.FindDuePaymentsAsync(TestOrders.Now.AddMinutes(1).AddTicks(-1), 10, Ct));
        Assert.Equal([3L, 5L, 1L], await storage.FindDuePaymentsAsync(at, 10, Ct));
        Assert.Equal([3L, 5L], await storage.FindDuePaymentsAsync(at, 2, Ct));
        Assert.Equal([3L, 5L, 1L, 2L], await storage.FindDuePaymentsAsync(DateTimeOffset.MaxValue, 10, Ct));
    }

    [Fact]
    public async Task CommitAsync_SavePaymentAtItsVersion_UpdatesEveryMutableField()
    {
        var storage = await OpenAsync();
        var payment = TestPayments.Create(1, 1);
        await CommitAsync(storage, TestPayments.Insert(payment));
        var opened = TestPayments.Moved(payment, p => p.Opened("ref-1", "https://pay.example/1", "qr-1", TestOrders.Now.AddSeconds(1)));
        var retried = TestPayments.Moved(opened, p => p.Retry(TestOrders.Now.AddMinutes(5).AddTicks(3), true, TestOrders.Now.AddSeconds(2)));
        var succeeded = TestPayments.Succeeded(retried);

        var outcomes = await CommitAsync(storage, TestPayments.Update(opened, 1), TestPayments.Update(retried, 2));
        var afterRetry = await storage.FindPaymentAsync(1, Ct);
        await CommitAsync(storage, TestPayments.Update(succeeded, 3));

        Assert.Equal([WriteOutcome.Committed, WriteOutcome.Committed], outcomes);
        Assert.Equal(retried.ToSnapshot(), afterRetry?.ToSnapshot());
        Assert.Equal((1, 3), (afterRetry?.Attempts, afterRetry?.Version));
        Assert.Equal(succeeded.ToSnapshot(), (await storage.FindPaymentAsync(1, Ct))?.ToSnapshot());
        Assert.Empty(await storage.FindDuePaymentsAsync(DateTimeOffset.MaxValue, 10, Ct));
    }

    [Fact]
    public async Task CommitAsync_SavePaymentAtStaleVersion_ConflictsAndChangesNothing()
    {
        var storage = await OpenAsync();
        var payment = TestPayments.Create(1, 1);
        await CommitAsync(storage, TestPayments.Insert(payment));
        var failed = TestPayments.Moved(payment, p => p.Fail(TestOrders.Now.AddSeconds(1)));
        var closed = TestPayments.Moved(payment, p => p.Close(TestOrders.Now.AddSeconds(2)));

        var outcomes = await CommitAsync(storage, TestPayments.Update(failed, 1), TestPayments.Update(closed, 1), TestPayments.Update(closed, 5));

        Assert.Equal([WriteOutcome.Committed, WriteOutcome.VersionConflict, WriteOutcome.VersionConflict], outcomes);
        Assert.Equal(failed.ToSnapshot(), (await storage.FindPaymentAsync(1, Ct))?.ToSnapshot());
    }

    [Fact]
    public async Task CommitAsync_SavePaymentUpdateOfUnknownId_ReturnsNotFoundAndInsertsNothing()
    {
        var storage = await OpenAsync();
        var ghost = TestPayments.Succeeded(TestPayments.Create(9, 1));

        var outcomes = await CommitAsync(storage, TestPayments.Update(ghost, 1), new SetStockTotal("s1", "tea", 3));

        Assert.Equal([WriteOutcome.NotFound, WriteOutcome.Committed], outcomes);
        Assert.Null(await storage.FindPaymentAsync(9, Ct));
    }

    [Fact]
    public async Task CommitAsync_SavePaymentWithIdempotency_StoresTheRecordWithIt()
    {
        var storage = await OpenAsync();
        var record = TestOrders.Idempotency("pay-1", body: [0x7B, 0x7D], location: "/payments/1");

        await CommitAsync(storage, TestPayments.Insert(TestPayments.Create(1, 1), idempotency: record));

        var found = await FindRecordAsync(storage, record.Scope, record.Key);
        Assert.NotNull(found);
        Assert.Equal(record.Body, found.Body);
        Assert.Equal(record with { Body = found.Body }, found);
        Assert.NotNull(await storage.FindPaymentAsync(1, Ct));
    }

    [Fact]
    public async Task CommitAsync_DuplicatePaymentId_FailsTheBatchAndKeepsNoneOfIt()
    {
        var storage = await OpenAsync();
        var payment = TestPayments.Create(1, 1);
        await CommitAsync(storage, TestPayments.Insert(payment));

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => CommitAsync(
            storage,
            TestOrders.Insert(TestOrders.Create(2)),
            TestPayments.Insert(TestPayments.Create(1, 2, createdAfter: TimeSpan.FromHours(1)))));

        Assert.Null(await storage.FindAsync(2, Ct));
        Assert.Equal(payment.ToSnapshot(), (await storage.FindPaymentAsync(1, Ct))?.ToSnapshot());
    }
}
