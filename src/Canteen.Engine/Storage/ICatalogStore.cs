
namespace Canteen.Engine.Storage;

/// <summary>The chain's stores and menu.</summary>
public interface ICatalogStore
{
    Task<Core.Menu.Catalog> LoadCatalogAsync(CancellationToken cancellationToken);
}
