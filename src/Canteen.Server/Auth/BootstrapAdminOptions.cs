namespace Canteen.Server.Auth;

/// <summary>
/// <c>Canteen:Auth:BootstrapAdmin</c>: the admin created when the user table is empty. Without a password one is
/// generated and printed once to standard output.
/// </summary>
public sealed class BootstrapAdminOptions
{
    public string Username { get; set; } = "admin";

    public string? Password { get; set; }
}
