namespace Canteen.Engine.Errors;

/// <summary>The stable problem codes of API.md. Clients switch on these; never rename one.</summary>
public static class FailureCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string NotFound = "not_found";
    public const string SoldOut = "sold_out";
    public const string InvalidTransition = "invalid_transition";
    public const string VersionConflict = "version_conflict";
    public const string StockConflict = "stock_conflict";
    public const string RequestInProgress = "request_in_progress";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string IdempotencyKeyMissing = "idempotency_key_missing";
    public const string PayloadTooLarge = "payload_too_large";
    public const string RateLimited = "rate_limited";
    public const string Overloaded = "overloaded";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string TooManyUnpaidOrders = "too_many_unpaid_orders";
    public const string PaymentDeadlinePassed = "payment_deadline_passed";
    public const string PaymentProviderFailed = "payment_provider_error";
    public const string PaymentProviderUnavailable = "payment_provider_unavailable";
    public const string CallbackRejected = "callback_rejected";
    public const string Internal = "internal_error";
}
