namespace Canteen.Server.Auth;

/// <summary>A signed token and how many seconds it lives.</summary>
public sealed record IssuedToken(string AccessToken, int ExpiresIn);
