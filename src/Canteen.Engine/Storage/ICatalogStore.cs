using Canteen.Core.Menu;

namespace Canteen.Engine.Storage;

/// <summary>The chain's stores and menu.</summary>
public interface ICatalogStore
{
    Task<Catalog> LoadCatalogAsync(CancellationToken cancellationToken);
}
