using Canteen.LoadTest.Menu;
using Canteen.LoadTest.Options;
using Canteen.LoadTest.Workload;

namespace Canteen.LoadTest;

/// <summary>Everything prepared before the first request: menus, guests (with or without tokens) and bodies.</summary>
internal sealed record WorkloadSetup(Scenario Scenario, string MenuSource, string Identity)
{
    private const int AnonymousTables = 64;

    public static async Task<WorkloadSetup> PrepareAsync(HttpClient client, LoadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var served = await MenuLoader.LoadAsync(client, cancellationToken);
        var menus = served ?? BuiltInMenu.Stores;
        var menuSource = served is null
            ? "built-in demo sample (the server serves no /api/v1/stores)"
            : $"from the server: {menus.Count} stores, {menus.Sum(m => m.Dishes.Count)} dishes";
        if (options.Scenario == ScenarioKind.FlashSale)
        {
            menus = [menus.FirstOrDefault(m => m.StoreId == options.FlashStore)
                ?? throw new InvalidOperationException($"Store '{options.FlashStore}' is not on the menu.")];
        }

        var identity = options.GuestTokens == 0 ? "anonymous (--guest-tokens 0)" : $"guest tokens: {options.GuestTokens} per store";
        var signIn = options.GuestTokens > 0;
        var random = new Random(options.Seed);
        var templates = new List<IReadOnlyList<OrderTemplate>>();
        foreach (var menu in menus)
        {
            var guests = signIn ? await GuestTokenPool.ObtainAsync(client, menu.StoreId, options.GuestTokens, cancellationToken) : null;
            if (signIn && guests is null)
            {
                // No guest sign-in on this server: say so, and do not ask again for the other stores.
                signIn = false;
                identity = "anonymous: the server has no POST /api/v1/auth/guest (404)";
            }

            guests ??= TemplateFactory.AnonymousGuests(menu.StoreId, AnonymousTables);
            templates.Add(options.Scenario == ScenarioKind.FlashSale
                ? TemplateFactory.FlashSale(menu, options.FlashDish, guests)
                : TemplateFactory.LunchRush(menu, guests, random));
        }

        return new WorkloadSetup(new Scenario(options.Scenario, templates), menuSource, identity);
    }
}
