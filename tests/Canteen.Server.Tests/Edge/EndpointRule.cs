namespace Canteen.Server.Tests.Edge;

/// <summary>
/// One row of the endpoint matrix: the route as the app registers it, how to build a request that is valid apart from
/// who sends it, and the status each <see cref="Role"/> must get (in <see cref="Role"/> order).
/// </summary>
public sealed record EndpointRule(string Method, string Pattern, Func<EdgeFixture, Task<HttpRequestMessage>> Request, int[] Expected)
{
    public string Key => Method + " " + Pattern;

    public int ExpectedFor(Role role) => Expected[(int)role];
}
