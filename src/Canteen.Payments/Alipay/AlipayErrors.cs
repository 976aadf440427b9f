using Canteen.Engine.Payments;

namespace Canteen.Payments.Alipay;

/// <summary>The provider exceptions raised by us rather than by an Alipay error code.</summary>
internal static class AlipayErrors
{
    public static PaymentProviderException SignatureInvalid(string method) =>
        new(AlipayProvider.ProviderName, "response_signature_invalid",
            $"The Alipay {method} response did not verify against the Alipay public key.", transient: false);

    // A garbled answer is usually a proxy or a gateway in trouble rather than anything about our request: retryable.
    public static PaymentProviderException InvalidResponse(string method, string why, Exception? inner = null) =>
        new(AlipayProvider.ProviderName, "response_invalid", $"The Alipay {method} response is unusable: {why}.", transient: true, inner);

    public static PaymentProviderException Unsupported(string code, string message) =>
        new(AlipayProvider.ProviderName, code, message, transient: false);
}
