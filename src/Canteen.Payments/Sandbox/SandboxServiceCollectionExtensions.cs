using Canteen.Engine.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Canteen.Payments.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>Registers the sandbox provider unless <c>Canteen:Payments:Sandbox:Enabled</c> is false.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root.</param>
    /// <param name="defaultStatePath">
    /// Where to journal the sandbox's books when <see cref="SandboxOptions.StatePath"/> is not set (null: memory only).
    /// Asked when the options are first read, not at registration, so configuration added later (a test host's) counts.
    /// </param>
    public static IServiceCollection AddSandboxPayments(this IServiceCollection services, IConfiguration configuration, Func<string?> defaultStatePath)
    {
        var section = configuration.GetSection(SandboxOptions.Section);
        if (!section.GetValue(nameof(SandboxOptions.Enabled), true))
        {
            return services;
        }

        services.AddOptions<SandboxOptions>().Bind(section).PostConfigure(o => o.StatePath ??= defaultStatePath()).Validate(
            o => o.Faults.Validate().Count == 0, "Canteen:Payments:Sandbox:Faults has a rate outside 0-1 or a delay outside 0-1 minute.");
        services.AddSingleton<SandboxBank>();
        services.AddSingleton<SandboxSigner>();
        services.AddSingleton<SandboxFaults>();
        services.AddSingleton<SandboxProvider>();
        services.AddSingleton<IPaymentProvider>(sp => sp.GetRequiredService<SandboxProvider>());
        services.AddSingleton<SandboxCustomer>();
        return services;
    }
}
