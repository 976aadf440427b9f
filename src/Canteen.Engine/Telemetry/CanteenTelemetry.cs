using System.Diagnostics;
using System.Diagnostics.Metrics;
using Canteen.Core.Shared;
using Canteen.Engine.Errors;

namespace Canteen.Engine.Telemetry;

/// <summary>
/// Canteen's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/> (DESIGN §9).
/// The engine only emits through <c>System.Diagnostics</c>; the host decides whether anything listens. With nothing
/// listening, <c>StartActivity</c> returns null and every measurement is dropped at once, so telemetry that is
/// switched off costs a branch per call.
/// </summary>
public static class CanteenTelemetry
{
    /// <summary>The name of the source and of the meter: what a tracer or meter provider subscribes to.</summary>
    public const string Name = "Canteen";

    /// <summary>Span and log attribute: the store an operation concerns.</summary>
    public const string StoreIdTag = "store.id";

    /// <summary>Span attribute: the order an operation concerns (decimal string, as in the API).</summary>
    public const string OrderIdTag = "order.id";

    /// <summary>Span attribute: the problem code of a refusal that was answered, not thrown.</summary>
    public const string FailureCodeTag = "canteen.failure.code";

    private const string Version = "1.0.0";

    public static ActivitySource Source { get; } = new(Name, Version);

    public static Meter Meter { get; } = new(Name, Version);

    /// <summary>
    /// The stable code for an exception: the problem code of failures and domain errors (what the API answers),
    /// otherwise <c>internal_error</c>. Used as the <c>reason</c> of failure metrics, so it must stay low-cardinality.
    /// </summary>
    public static string CodeOf(Exception error) => error switch
    {
        FailureException f => f.Failure.Code,
        DomainException d => d.Code,
        OperationCanceledException => "cancelled",
        _ => FailureCodes.Internal,
    };

    /// <summary>Marks a span failed: status Error, <c>error.type</c> set to the stable code, and an exception event.</summary>
    public static void RecordError(this Activity? activity, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (activity is null)
        {
            return;
        }

        var code = CodeOf(error);
        activity.SetStatus(ActivityStatusCode.Error, code);
        activity.SetTag("error.type", code == FailureCodes.Internal ? error.GetType().FullName : code);
        activity.AddException(error);
    }
}
