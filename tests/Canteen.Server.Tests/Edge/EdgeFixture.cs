using System.Net.Http.Json;
using Canteen.Server.Tests.Support;

namespace Canteen.Server.Tests.Edge;

/// <summary>
/// One server for the edge tests that only need distinct callers: real staff and kitchen accounts created through the
/// admin endpoint and signed in through <c>/auth/token</c>, guests through <c>/auth/guest</c>. The unpaid-order cap is
/// off here (the matrix places many orders as one guest); its own test turns it on.
/// </summary>
public sealed class EdgeFixture : IAsyncLifetime
{
    public const string StaffUser = "matrix-staff";
    public const string KitchenUser = "matrix-kitchen";
    public const string Password = "matrix-password-1";

    private readonly Dictionary<Role, HttpClient> _clients = [];
    private CanteenApp? _app;

    public CanteenApp App => _app ?? throw new InvalidOperationException("Not started.");

    public HttpClient this[Role role] => _clients[role];

    public async ValueTask InitializeAsync()
    {
        _app = new CanteenApp(settings: new Dictionary<string, string?> { ["Canteen:Limits:MaxUnpaidOrdersPerGuest"] = "0" });
        var admin = _app.Client();
        await CreateUserAsync(admin, StaffUser, "staff");
        await CreateUserAsync(admin, KitchenUser, "kitchen");
        _clients[Role.Anonymous] = _app.AnonymousClient();
        _clients[Role.GuestA] = _app.ClientWithToken(await GuestTokenAsync(_app.AnonymousClient()));
        _clients[Role.GuestB] = _app.ClientWithToken(await GuestTokenAsync(_app.AnonymousClient()));
        _clients[Role.Staff] = _app.ClientWithToken(await SignInAsync(_app.AnonymousClient(), StaffUser));
        _clients[Role.Kitchen] = _app.ClientWithToken(await SignInAsync(_app.AnonymousClient(), KitchenUser));
        _clients[Role.Admin] = _app.ClientWithToken(await SignInAsync(_app.AnonymousClient(), TestAuth.AdminUsername, TestAuth.AdminPassword));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public static async Task CreateUserAsync(HttpClient admin, string username, string role, string store = ApiClient.Store)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/users", new { username, password = Password, role, storeIds = new[] { store } });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    public static async Task<string> GuestTokenAsync(HttpClient anonymous, string store = ApiClient.Store, string? table = "A1")
    {
        using var response = await anonymous.PostAsJsonAsync("/api/v1/auth/guest", new { storeId = store, table });
        response.EnsureSuccessStatusCode();
        return (string)(await response.JsonAsync())["accessToken"]!;
    }

    public static async Task<string> SignInAsync(HttpClient anonymous, string username, string password = Password)
    {
        using var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username, password });
        response.EnsureSuccessStatusCode();
        return (string)(await response.JsonAsync())["accessToken"]!;
    }
}
