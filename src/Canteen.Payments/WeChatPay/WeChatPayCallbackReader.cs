using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Canteen.Engine.Payments;

namespace Canteen.Payments.WeChatPay;

/// <summary>
/// Verifies and decodes a WeChat Pay notification: the signature first (over the raw body), then the AES-256-GCM
/// resource, whose tag also proves it was encrypted with our API v3 key and not altered on the way.
/// </summary>
internal sealed class WeChatPayCallbackReader(WeChatPayCredentials credentials, WeChatPaySignatureVerifier verifier)
{
    private const int TagSize = 16;
    private const int NonceSize = 12;

    /// <summary>WeChat accepts 200 or 204 without a body; anything else makes it resend.</summary>
    private static readonly CallbackAcknowledgement Acknowledgement = new(204, null, null);

    public ProviderCallback Read(ProviderCallbackRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rejection = verifier.Check(name => Header(request.Headers, name), request.Body);
        if (rejection is not null)
        {
            throw new CallbackRejectedException("WeChat Pay callback rejected: " + rejection + ".");
        }

        var notification = Parse(request.Body, WeChatPayJsonContext.Default.Notification);
        var resource = notification.Resource ?? throw Rejected("it has no resource");
        var plaintext = Decrypt(resource);
        var eventType = notification.EventType ?? string.Empty;
        if (eventType.StartsWith("TRANSACTION.", StringComparison.Ordinal))
        {
            var transaction = Parse(plaintext, WeChatPayJsonContext.Default.TransactionResource);
            CheckMerchant(transaction.MchId);
            ProviderPaymentState state;
            try
            {
                state = WeChatPayTradeStates.Map(transaction);
            }
            catch (PaymentProviderException ex)
            {
                throw new CallbackRejectedException("WeChat Pay callback rejected: " + ex.Message, ex);
            }

            return new ProviderCallback(PaymentId(transaction.OutTradeNo), state, Acknowledgement);
        }

        if (eventType.StartsWith("REFUND.", StringComparison.Ordinal))
        {
            var refund = Parse(plaintext, WeChatPayJsonContext.Default.RefundResource);
            CheckMerchant(refund.MchId);
            // REFUND.ABNORMAL (the card is gone, say) and REFUND.CLOSED both mean the money did not go back.
            var status = eventType == "REFUND.SUCCESS" ? ProviderPaymentStatus.Succeeded : ProviderPaymentStatus.Failed;
            return new ProviderCallback(
                PaymentId(refund.OutTradeNo), new ProviderPaymentState(status, refund.TransactionId), Acknowledgement, ProviderCallbackKind.Refund);
        }

        throw Rejected($"unknown event type '{eventType}'");
    }

    private byte[] Decrypt(NotificationResource resource)
    {
        if (resource.Algorithm != "AEAD_AES_256_GCM" || resource.Ciphertext is null || resource.Nonce is null)
        {
            throw Rejected("the resource is not AEAD_AES_256_GCM with a ciphertext and nonce");
        }

        var nonce = Encoding.UTF8.GetBytes(resource.Nonce);
        var sealedBytes = new byte[resource.Ciphertext.Length];
        if (nonce.Length != NonceSize
            || !Convert.TryFromBase64String(resource.Ciphertext, sealedBytes, out var length)
            || length < TagSize)
        {
            throw Rejected("the resource's nonce or ciphertext is malformed");
        }

        // WeChat appends the 16-byte tag to the ciphertext.
        var ciphertext = sealedBytes.AsSpan(0, length - TagSize);
        var tag = sealedBytes.AsSpan(length - TagSize, TagSize);
        var plaintext = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(credentials.ApiV3Key, TagSize);
            aes.Decrypt(nonce, ciphertext, tag, plaintext, Encoding.UTF8.GetBytes(resource.AssociatedData ?? string.Empty));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new CallbackRejectedException("WeChat Pay callback rejected: the resource does not decrypt (altered, or another API v3 key).", ex);
        }

        return plaintext;
    }

    private void CheckMerchant(string? mchId)
    {
        // A resource for another merchant decrypts only if it shares our API v3 key; still not ours to act on.
        if (mchId is not null && mchId != credentials.MchId)
        {
            throw Rejected($"it is for merchant '{mchId}'");
        }
    }

    private static long PaymentId(string? outTradeNo) =>
        long.TryParse(outTradeNo, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw Rejected($"out_trade_no '{outTradeNo}' is not one of our payment ids");

    private static T Parse<T>(byte[] json, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw Rejected("its JSON is empty");
        }
        catch (JsonException ex)
        {
            throw new CallbackRejectedException("WeChat Pay callback rejected: its JSON is malformed.", ex);
        }
    }

    /// <summary>HTTP header names are case-insensitive, but the dictionary we are handed may not be.</summary>
    private static string? Header(IReadOnlyDictionary<string, string> headers, string name)
    {
        if (headers.TryGetValue(name, out var exact))
        {
            return exact;
        }

        foreach (var (key, value) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static CallbackRejectedException Rejected(string reason) => new("WeChat Pay callback rejected: " + reason + ".");
}
