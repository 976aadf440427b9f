using Microsoft.Extensions.Options;

namespace Canteen.Payments.Sandbox;

/// <summary>The sandbox's faults in force now: configured at start-up, switchable at run time (admin endpoint, tests).</summary>
public sealed class SandboxFaults(IOptions<SandboxOptions> options)
{
    private SandboxFaultSettings _current = options.Value.Faults;

    public SandboxFaultSettings Current => Volatile.Read(ref _current);

    public void Set(SandboxFaultSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(settings));
        }

        Volatile.Write(ref _current, settings);
    }

    /// <summary>True with probability <paramref name="rate"/>.</summary>
#pragma warning disable CA5394 // Fault injection, not security.
    internal static bool Roll(double rate) => rate > 0 && Random.Shared.NextDouble() < rate;

    internal static TimeSpan Upto(TimeSpan max) => TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * max.TotalMilliseconds);
#pragma warning restore CA5394
}
