using Canteen.Integration.Tests.Support;
using Canteen.Storage.Postgres;

namespace Canteen.Integration.Tests.Storage;

/// <summary>
/// The storage contract run against the PostgreSQL adapter, one fresh schema per test. The server is found (or the
/// test skipped, or failed under CI) before the test body runs, so <see cref="CreateStorage"/> can stay synchronous.
/// </summary>
public sealed class PostgresStorageContractTests : StorageContractTests<PostgresStorage>, IAsyncLifetime
{
    private PostgresTestSchema? _schema;

    public async ValueTask InitializeAsync() => _schema = await PostgresTestSchema.CreateAsync();

    protected override PostgresStorage CreateStorage() =>
        new((_schema ?? throw new InvalidOperationException("The test schema is set up before every test.")).Options());

    protected override async Task<IReadOnlyList<string>> ReadHoldStatesAsync(long orderId) =>
        await (_schema ?? throw new InvalidOperationException("The test schema is set up before every test.")).ColumnAsync(
            $"SELECT dish_id || ':' || state FROM stock_holds WHERE order_id = {orderId} ORDER BY dish_id COLLATE \"C\";");

    protected override ValueTask DeleteDatabaseAsync() => _schema?.DropAsync() ?? ValueTask.CompletedTask;
}
