
namespace Canteen.Engine.Storage;

/// <summary>Brings storage to the current schema version at start-up and seeds it when it is empty.</summary>
public interface IStorageInitializer
{
    /// <summary>
    /// Applies pending migrations in order (each once, recorded in a schema-version table), then, if the catalog is
    /// empty and <paramref name="seed"/> is given, writes it with each limited dish's stock set to its daily portions.
    /// </summary>
    Task InitializeAsync(Core.Menu.Catalog? seed, CancellationToken cancellationToken);

    /// <summary>True when storage answers a trivial query; used by the readiness check.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}
