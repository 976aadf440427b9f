namespace Canteen.Engine.Payments;

/// <summary>
/// A provider call failed: an error answer, a response whose signature did not verify, or a transport failure.
/// <see cref="Transient"/> says whether repeating the same call may help (5xx, timeouts, rate limits) or not
/// (a 4xx about our request); the saga retries transient failures and gives up on the others.
/// </summary>
public sealed class PaymentProviderException : Exception
{
    public PaymentProviderException(string provider, string code, string message, bool transient, Exception? innerException = null)
        : base(message, innerException)
    {
        Provider = provider;
        Code = code;
        Transient = transient;
    }

    public PaymentProviderException()
        : this("unknown", "provider_error", "The payment provider failed.", transient: true)
    {
    }

    public PaymentProviderException(string message)
        : this("unknown", "provider_error", message, transient: true)
    {
    }

    public PaymentProviderException(string message, Exception innerException)
        : this("unknown", "provider_error", message, transient: true, innerException)
    {
    }

    public string Provider { get; }

    /// <summary>The provider's error code (e.g. WeChat <c>SYSTEM_ERROR</c>, Alipay <c>ACQ.SYSTEM_ERROR</c>) or ours.</summary>
    public string Code { get; }

    public bool Transient { get; }
}
