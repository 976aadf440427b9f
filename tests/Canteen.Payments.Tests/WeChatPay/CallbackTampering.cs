namespace Canteen.Payments.Tests.WeChatPay;

/// <summary>What to spoil in a callback the fake builds; the default is a faithful one.</summary>
internal sealed record CallbackTampering
{
    public TimeSpan TimestampShift { get; init; }

    public bool BadSignature { get; init; }

    public bool UnknownSerial { get; init; }

    /// <summary>Flip a ciphertext bit, then sign the altered body, so only the AES-GCM tag can notice.</summary>
    public bool Ciphertext { get; init; }

    /// <summary>Change associated_data after encrypting, then sign the altered body.</summary>
    public bool AssociatedData { get; init; }

    /// <summary>Encrypt with this API v3 key instead of the merchant's.</summary>
    public string? ApiV3Key { get; init; }

    /// <summary>Send (and sign) this body instead of the notification.</summary>
    public string? RawBody { get; init; }

    public string? OmitHeader { get; init; }

    /// <summary>Replaces out_trade_no inside the resource.</summary>
    public string? OutTradeNo { get; init; }
}
