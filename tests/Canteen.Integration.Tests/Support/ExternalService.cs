namespace Canteen.Integration.Tests.Support;

/// <summary>
/// Finds a real external service (PostgreSQL, Redis) for integration tests. The address comes from an environment
/// variable (set by <c>.ci/run</c>) or a loopback default. On a developer box without the service the test is
/// skipped with a message saying how to get it; under <c>CI=true</c> a missing service fails the test instead, so
/// CI can never pass by skipping.
/// </summary>
public static class ExternalService
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <param name="name">The service, for messages ("PostgreSQL").</param>
    /// <param name="variable">The environment variable holding its address.</param>
    /// <param name="fallback">The address tried when the variable is not set.</param>
    /// <param name="probe">Connects once; returns null when reachable, or why not.</param>
    public static async Task<string> RequireAsync(string name, string variable, string fallback, Func<string, Task<string?>> probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var address = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured ? configured : fallback;
        var problem = await probe(address);
        if (problem is null)
        {
            return address;
        }

        var message = $"{name} is not reachable at '{address}' ({problem}). Set {variable}, or run `bash .ci/run`, which installs and starts it.";
        if (IsCi)
        {
            Assert.Fail("CI=true and " + message);
        }

        Assert.Skip(message);
        return address;
    }
}
