using System.Globalization;
using Canteen.Core.Payments;
using Canteen.Engine.Payments;
using Canteen.Server.Api.Contracts;

namespace Canteen.Server.Api;

/// <summary>Between payments and their wire shape.</summary>
internal static class PaymentMapping
{
    /// <param name="payment">The payment.</param>
    /// <param name="clientParameters">In-app payment parameters, only in the response that created the payment.</param>
    /// <param name="request">Makes a relative pay URL (the sandbox's page) absolute for the caller's host.</param>
    public static PaymentDto ToDto(Payment payment, IReadOnlyDictionary<string, string>? clientParameters, HttpRequest? request) => new(
        payment.Id.ToString(CultureInfo.InvariantCulture),
        payment.OrderId.ToString(CultureInfo.InvariantCulture),
        payment.Provider,
        payment.Method,
        PaymentStatusNames.ToWire(payment.Status),
        payment.Amount.Minor,
        payment.Amount.Currency,
        Absolute(payment.PayUrl, request),
        payment.CodeUrl,
        clientParameters,
        payment.CreatedAt,
        payment.UpdatedAt);

    public static PaymentDto ToDto(PaymentStarted started, HttpRequest request) =>
        ToDto(started.Payment, started.Details?.ClientParameters, request);

    private static string? Absolute(string? url, HttpRequest? request) =>
        url is not null && request is not null && url.StartsWith('/') ? $"{request.Scheme}://{request.Host}{url}" : url;
}
