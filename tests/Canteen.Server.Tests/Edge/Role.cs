namespace Canteen.Server.Tests.Edge;

/// <summary>The callers of the endpoint matrix: nobody, two unrelated guests of the demo store, and one user per role.</summary>
public enum Role
{
    Anonymous,
    GuestA,
    GuestB,
    Staff,
    Kitchen,
    Admin,
}
