namespace Canteen.Payments.Sandbox;

/// <summary>Configuration section <c>Canteen:Payments:Sandbox</c>: the built-in test provider.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Canteen:Payments:Sandbox";

    /// <summary>On by default so a demo can pay; switch it off in production, where nobody should pay with a button.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The key that signs sandbox callbacks and pay-page links. Unset: a random key per process, which is fine for one
    /// instance; several instances behind one address need the same key.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// Where the sandbox keeps its own books (what was paid, refunded), as a JSON-lines file, so that like a real
    /// provider it remembers payments across our restarts. Unset: in memory only.
    /// </summary>
    public string? StatePath { get; set; }

    /// <summary>How old a callback may be before it is refused as a replay.</summary>
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The faults in force at start-up; admins can switch them at run time.</summary>
    public SandboxFaultSettings Faults { get; set; } = new();
}
