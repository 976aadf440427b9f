using System.Reflection;
using Microsoft.Extensions.Options;

namespace Canteen.Server.Hosting;

/// <summary>
/// Makes a bad setting stop start-up with one line naming it, instead of a stack trace, or worse, a server that
/// reports ready and answers every request 500 because its options are bound on first use.
/// </summary>
internal static class StartupConfiguration
{
    private static readonly MethodInfo ValidateOnStartMethod =
        typeof(OptionsBuilderExtensions).GetMethod(nameof(OptionsBuilderExtensions.ValidateOnStart))!;

    /// <summary>
    /// Has every Canteen options class bound to configuration (each one registers a change-token source) built at
    /// start-up, so a value the binder cannot convert (<c>00:00:60</c> for a TimeSpan, <c>abc</c> for a number) fails
    /// there. Found from the registrations rather than listed, so an options class added later is covered too.
    /// </summary>
    public static void ValidateAllOnStart(IServiceCollection services)
    {
        var bound = services
            .Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => t.Namespace?.StartsWith("Canteen.", StringComparison.Ordinal) == true)
            .Distinct()
            .ToList();
        foreach (var type in bound)
        {
            var builder = Activator.CreateInstance(typeof(OptionsBuilder<>).MakeGenericType(type), services, Options.DefaultName);
            ValidateOnStartMethod.MakeGenericMethod(type).Invoke(null, [builder]);
        }
    }

    /// <summary>
    /// The one-line reason start-up failed when the cause is configuration (a value the binder could not convert, an
    /// options validation, or <see cref="InvalidConfigurationException"/>), searched through wrapping exceptions;
    /// null for any other failure, which keeps its full report.
    /// </summary>
    public static string? Describe(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var pending = new Stack<Exception>([failure]);
        while (pending.TryPop(out var e))
        {
            switch (e)
            {
                case InvalidConfigurationException:
                    return e.Message;
                case OptionsValidationException validation:
                    return string.Join(" ", validation.Failures);
                case InvalidOperationException when e.TargetSite?.DeclaringType == typeof(ConfigurationBinder):
                    // "Failed to convert configuration value 'x' at 'Canteen:…' to type '…'." plus the parser's reason.
                    return e.InnerException is null ? e.Message : $"{e.Message} {e.InnerException.Message}";
                case AggregateException aggregate:
                    foreach (var inner in aggregate.InnerExceptions)
                    {
                        pending.Push(inner);
                    }

                    break;
                default:
                    if (e.InnerException is not null)
                    {
                        pending.Push(e.InnerException);
                    }

                    break;
            }
        }

        return null;
    }
}
