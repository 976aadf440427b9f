namespace Canteen.Server.Hosting;

/// <summary>
/// Searches what start-up threw for the exception that explains it: host start-up wraps failures (an
/// <see cref="AggregateException"/> of hosted services, an exception around the binder's), so the cause is often inside.
/// </summary>
internal static class ExceptionCauses
{
    /// <summary>
    /// The first reason <paramref name="reason"/> gives, looking at <paramref name="failure"/> and then inside it,
    /// outermost first (so the exception that knows the context wins over the socket error inside it), an aggregate's
    /// exceptions in their order; null when none has one.
    /// </summary>
    public static string? FirstReason(Exception failure, Func<Exception, string?> reason)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var pending = new Stack<Exception>([failure]);
        while (pending.TryPop(out var e))
        {
            if (reason(e) is { } found)
            {
                return found;
            }

            if (e is AggregateException aggregate)
            {
                // Reversed, so the first inner exception is looked at first.
                foreach (var inner in aggregate.InnerExceptions.Reverse())
                {
                    pending.Push(inner);
                }
            }
            else if (e.InnerException is not null)
            {
                pending.Push(e.InnerException);
            }
        }

        return null;
    }
}
