using Canteen.Engine.Errors;
using Canteen.Engine.Telemetry;
using Microsoft.Extensions.Logging;

namespace Canteen.Engine.Payments;

/// <summary>
/// The one path every provider notification takes (the HTTP callback endpoint, and the sandbox's own callbacks):
/// the provider verifies and decodes it, then the saga applies it. A callback that does not verify changes nothing
/// and is refused (<c>callback_rejected</c>, 400); a duplicate is applied once, because applying is idempotent.
/// </summary>
public sealed partial class PaymentCallbacks(PaymentGateway gateway, PaymentSaga saga, ILogger<PaymentCallbacks> logger)
{
    public async Task<CallbackAcknowledgement> HandleAsync(string providerName, ProviderCallbackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var provider = gateway.Find(providerName) ?? throw new FailureException(Failure.NotFound($"Payment provider '{providerName}'"));
        ProviderCallback callback;
        try
        {
            callback = provider.VerifyCallback(request);
        }
        catch (CallbackRejectedException ex)
        {
            SagaMetrics.ProviderCall(provider.Name, "callback_rejected");
            LogRejected(provider.Name, ex.Message);
            throw new FailureException(new Failure(FailureCodes.CallbackRejected, "The notification did not verify: " + ex.Message));
        }

        SagaMetrics.ProviderCall(provider.Name, "callback");
        if (callback.Kind == ProviderCallbackKind.Refund)
        {
            await saga.ApplyRefundAsync(callback.PaymentId, callback.State, cancellationToken);
        }
        else
        {
            await saga.ApplyAsync(callback.PaymentId, callback.State, cancellationToken);
        }

        return callback.Acknowledgement;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a {Provider} callback: {Reason}")]
    private partial void LogRejected(string provider, string reason);
}
