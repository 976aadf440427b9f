using Canteen.Engine.Idempotency;
using Canteen.Engine.Storage;
using Canteen.Integration.Tests.Support;
using Canteen.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Canteen.Integration.Tests.Storage;

public sealed class SqliteStorageServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddCanteenSqliteStorage_WithConfigure_ResolvesOneConfiguredInstanceForEveryPort()
    {
        using var directory = new TempDirectory();
        var services = new ServiceCollection().AddCanteenSqliteStorage(o => o.DataDirectory = directory.Path);
        var provider = new DescriptorProvider(services);

        var ports = new[]
        {
            typeof(IOrderStore), typeof(IIdempotencyStore), typeof(IStockStore), typeof(ICatalogStore), typeof(IStorageInitializer),
        }.Select(provider.GetService).ToList();
        var storage = Assert.IsType<SqliteStorage>(ports[0]);
        await using var _ = storage;

        Assert.All(ports, port => Assert.Same(storage, port));
        Assert.Equal(Path.Combine(directory.Path, "canteen.db"), storage.FilePath);
        Assert.All(
            services.Where(d => ports.Contains(d.ServiceType) || d.ServiceType == typeof(SqliteStorage)),
            d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
    }

    /// <summary>
    /// Just enough of a container for this test (the real one isn't referenced here): singletons from factories,
    /// and options built by running the registered configure actions.
    /// </summary>
    private sealed class DescriptorProvider(IServiceCollection services) : IServiceProvider
    {
        private readonly Dictionary<Type, object> _singletons = [];

        public object? GetService(Type serviceType)
        {
            if (_singletons.TryGetValue(serviceType, out var existing))
            {
                return existing;
            }

            object? created;
            if (serviceType == typeof(IOptions<SqliteStorageOptions>))
            {
                var options = new SqliteStorageOptions();
                foreach (var configure in services.Select(d => d.ImplementationInstance).OfType<IConfigureOptions<SqliteStorageOptions>>())
                {
                    configure.Configure(options);
                }

                created = Options.Create(options);
            }
            else
            {
                var descriptor = services.LastOrDefault(d => d.ServiceType == serviceType);
                created = descriptor?.ImplementationFactory?.Invoke(this);
            }

            if (created is not null)
            {
                _singletons[serviceType] = created;
            }

            return created;
        }
    }
}
