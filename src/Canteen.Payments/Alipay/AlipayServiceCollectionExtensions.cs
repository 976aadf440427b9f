using Canteen.Engine.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Canteen.Payments.Alipay;

/// <summary>Registers the Alipay provider when it is configured.</summary>
public static class AlipayServiceCollectionExtensions
{
    // Gateway answers are a few KB; a larger body is not Alipay and is not buffered.
    private const int MaxResponseBytes = 1024 * 1024;

    /// <summary>
    /// Adds <see cref="AlipayProvider"/> as an <see cref="IPaymentProvider"/> when
    /// <c>Canteen:Payments:Alipay:AppId</c> is set, and nothing otherwise. The options are validated at start, so a
    /// missing key fails the host with the setting's name.
    /// </summary>
    public static IServiceCollection AddAlipay(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(AlipayOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(AlipayOptions.AppId)]))
        {
            return services;
        }

        services.AddOptions<AlipayOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlipayOptions>, AlipayOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // The provider is a singleton holding one client, so connections are recycled by the handler's pooled
        // connection lifetime (DNS changes are picked up) instead of by the factory rotating handlers under it.
        services.AddHttpClient(AlipayProvider.HttpClientName, client => client.MaxResponseContentBufferSize = MaxResponseBytes)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton(sp => new AlipayProvider(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(AlipayProvider.HttpClientName),
            sp.GetRequiredService<IOptions<AlipayOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IPaymentProvider>(sp => sp.GetRequiredService<AlipayProvider>());
        return services;
    }
}
