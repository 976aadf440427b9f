using System.Collections.Frozen;
using Canteen.Core.Menu;
using Canteen.Engine.Storage;

namespace Canteen.Engine.Catalog;

/// <summary>
/// The immutable menu snapshots every order is priced from. A reload builds a complete new set and swaps one
/// reference, so readers on the hot path never lock and never see half a menu.
/// </summary>
public sealed class MenuCache
{
    private volatile Snapshot _current = new([], FrozenDictionary<string, StoreMenu>.Empty);

    public IReadOnlyList<Store> Stores => _current.Stores;

    public bool TryGet(string storeId, out StoreMenu menu) => _current.Menus.TryGetValue(storeId, out menu!);

    public async Task ReloadAsync(ICatalogStore catalogStore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogStore);
        Load(await catalogStore.LoadCatalogAsync(cancellationToken));
    }

    public void Load(Core.Menu.Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var menus = catalog.Stores.ToFrozenDictionary(s => s.Id, s => StoreMenu.Build(s, catalog), StringComparer.Ordinal);
        _current = new Snapshot(catalog.Stores, menus);
    }

    private sealed record Snapshot(IReadOnlyList<Store> Stores, FrozenDictionary<string, StoreMenu> Menus);
}
