using Canteen.Engine.Errors;
using Microsoft.Extensions.Options;

namespace Canteen.Server.Hosting;

/// <summary>
/// Makes a bad setting stop start-up with one line naming it, instead of a stack trace, or worse, a server that
/// reports ready and answers every request 500 because its options are bound on first use.
/// </summary>
internal static class StartupConfiguration
{
    /// <summary>
    /// Has every Canteen options class bound to configuration (each one registers a change-token source) built when
    /// the host starts, so a value the binder cannot convert (<c>00:00:60</c> for a TimeSpan, <c>abc</c> for a
    /// number) fails there. Found from the registrations rather than listed, so an options class added later is
    /// covered too. Read through <c>IOptions</c>, not <c>ValidateOnStart</c>: that would create a monitor per class,
    /// and a monitor rebinds inside every configuration reload and throws there on a bad edit.
    /// </summary>
    public static void ValidateAllOnStart(IServiceCollection services)
    {
        var bound = services
            .Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => t.Namespace?.StartsWith("Canteen.", StringComparison.Ordinal) == true)
            .Distinct()
            .Select(t => typeof(IOptions<>).MakeGenericType(t))
            .ToList();
        services.AddTransient<IStartupFilter>(sp => new BindAtStart(sp, bound));
    }

    /// <summary>
    /// The one-line reason start-up failed when the cause is configuration (a value the binder could not convert, an
    /// options validation, or <see cref="InvalidConfigurationException"/>), searched through wrapping exceptions;
    /// null for any other failure, which keeps its full report.
    /// </summary>
    public static string? Describe(Exception failure) => ExceptionCauses.FirstReason(failure, Reason);

    private static string? Reason(Exception e) => e switch
    {
        InvalidConfigurationException => e.Message,
        OptionsValidationException validation => string.Join(" ", validation.Failures),

        // "Failed to convert configuration value 'x' at 'Canteen:…' to type '…'." plus the parser's reason.
        InvalidOperationException when e.TargetSite?.DeclaringType == typeof(ConfigurationBinder) =>
            e.InnerException is null ? e.Message : $"{e.Message} {e.InnerException.Message}",
        _ => null,
    };

    /// <summary>Runs as the request pipeline is built, before the server listens; what it throws stops the host.</summary>
    private sealed class BindAtStart(IServiceProvider services, List<Type> options) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
        {
            foreach (var type in options)
            {
                _ = type.GetProperty(nameof(IOptions<object>.Value))!.GetValue(services.GetRequiredService(type));
            }

            return next;
        }
    }
}
