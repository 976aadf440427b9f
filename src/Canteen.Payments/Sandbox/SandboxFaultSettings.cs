namespace Canteen.Payments.Sandbox;

/// <summary>
/// Switchable faults of the sandbox provider, to test the saga against a misbehaving provider: failing or slow calls,
/// and callbacks that are lost, sent twice, or delayed so that later ones overtake them. Rates are 0–1; all zero: a
/// well-behaved provider.
/// </summary>
public sealed record SandboxFaultSettings
{
    /// <summary>Share of calls (create, query, close, refund) that fail with a transient error.</summary>
    public double ErrorRate { get; init; }

    /// <summary>Share of calls delayed by <see cref="Latency"/>.</summary>
    public double LatencyRate { get; init; }

    public TimeSpan Latency { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Share of callbacks never sent (the active query has to find out).</summary>
    public double LostCallbackRate { get; init; }

    /// <summary>Share of callbacks sent twice.</summary>
    public double DuplicateCallbackRate { get; init; }

    /// <summary>Share of callbacks held back for up to <see cref="ReorderDelay"/>, so they arrive after later ones.</summary>
    public double ReorderCallbackRate { get; init; }

    public TimeSpan ReorderDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Refuses rates outside 0–1 and negative delays, naming the field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Rate(nameof(ErrorRate), ErrorRate);
        Rate(nameof(LatencyRate), LatencyRate);
        Rate(nameof(LostCallbackRate), LostCallbackRate);
        Rate(nameof(DuplicateCallbackRate), DuplicateCallbackRate);
        Rate(nameof(ReorderCallbackRate), ReorderCallbackRate);
        if (Latency < TimeSpan.Zero || Latency > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{nameof(Latency)} must be from 0 to 1 minute.");
        }

        if (ReorderDelay < TimeSpan.Zero || ReorderDelay > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{nameof(ReorderDelay)} must be from 0 to 1 minute.");
        }

        return errors;

        void Rate(string name, double value)
        {
            if (double.IsNaN(value) || value is < 0 or > 1)
            {
                errors.Add($"{name} must be from 0 to 1.");
            }
        }
    }
}
