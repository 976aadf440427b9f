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

    protected override ValueTask DeleteDatabaseAsync() => _schema?.DropAsync() ?? ValueTask.CompletedTask;
}
