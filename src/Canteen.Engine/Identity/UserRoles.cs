namespace Canteen.Engine.Identity;

/// <summary>The roles of API.md's Identity section, as they appear in tokens and in storage.</summary>
public static class UserRoles
{
    public const string Guest = "guest";
    public const string Staff = "staff";
    public const string Kitchen = "kitchen";
    public const string Admin = "admin";

    /// <summary>Roles an account can have; a guest never has one.</summary>
    public static IReadOnlyList<string> AccountRoles { get; } = [Staff, Kitchen, Admin];

    public static bool IsAccountRole(string? role) => role is Staff or Kitchen or Admin;
}
