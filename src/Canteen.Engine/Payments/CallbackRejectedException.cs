namespace Canteen.Engine.Payments;

/// <summary>
/// A callback that did not verify: bad or missing signature, unknown certificate serial, a timestamp outside the
/// window, a body that does not decrypt or parse. The endpoint answers 4xx and changes nothing.
/// </summary>
public sealed class CallbackRejectedException : Exception
{
    public CallbackRejectedException(string message)
        : base(message)
    {
    }

    public CallbackRejectedException()
        : this("The callback did not verify.")
    {
    }

    public CallbackRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
