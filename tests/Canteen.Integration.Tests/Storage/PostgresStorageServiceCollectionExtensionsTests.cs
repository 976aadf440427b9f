using Canteen.Engine.Idempotency;
using Canteen.Engine.Outbox;
using Canteen.Engine.Storage;
using Canteen.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Canteen.Integration.Tests.Storage;

/// <summary>Registration only: no server is contacted (the data source connects on first use).</summary>
public sealed class PostgresStorageServiceCollectionExtensionsTests
{
    private static readonly Type[] Ports =
    [
        typeof(IOrderStore), typeof(IIdempotencyStore), typeof(IStockStore), typeof(ICatalogStore), typeof(IStorageInitializer), typeof(IOutboxStore),
    ];

    [Fact]
    public async Task AddCanteenPostgresStorage_WithConfigure_ResolvesOneConfiguredInstanceForEveryPort()
    {
        var services = new ServiceCollection().AddCanteenPostgresStorage(o =>
        {
            o.ConnectionString = "Host=127.0.0.1;Username=canteen;Password=canteen;Database=canteen";
            o.Schema = "tenant_a";
        });
        var provider = new DescriptorProvider(services);

        var ports = Ports.Select(provider.GetService).ToList();
        var storage = Assert.IsType<PostgresStorage>(ports[0]);
        await using var _ = storage;

        Assert.All(ports, port => Assert.Same(storage, port));
        Assert.Equal("tenant_a", storage.Schema);
        Assert.All(
            services.Where(d => Ports.Contains(d.ServiceType) || d.ServiceType == typeof(PostgresStorage)),
            d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
    }

    [Fact]
    public void AddCanteenPostgresStorage_WithoutConnectionString_FailsOnResolveNamingTheSetting()
    {
        var provider = new DescriptorProvider(new ServiceCollection().AddCanteenPostgresStorage());

        var error = Assert.Throws<ArgumentException>(() => provider.GetService(typeof(IOrderStore)));

        Assert.Contains("Canteen:Postgres:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Just enough of a container for these tests (the real one isn't referenced here): singletons from factories,
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
            if (serviceType == typeof(IOptions<PostgresStorageOptions>))
            {
                var options = new PostgresStorageOptions();
                foreach (var configure in services.Select(d => d.ImplementationInstance).OfType<IConfigureOptions<PostgresStorageOptions>>())
                {
                    configure.Configure(options);
                }

                created = Options.Create(options);
            }
            else
            {
                created = services.LastOrDefault(d => d.ServiceType == serviceType)?.ImplementationFactory?.Invoke(this);
            }

            if (created is not null)
            {
                _singletons[serviceType] = created;
            }

            return created;
        }
    }
}
