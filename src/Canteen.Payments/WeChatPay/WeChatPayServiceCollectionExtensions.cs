using Canteen.Engine.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Canteen.Payments.WeChatPay;

/// <summary>Registers the WeChat Pay provider when <c>Canteen:Payments:WeChatPay:MchId</c> is configured.</summary>
public static class WeChatPayServiceCollectionExtensions
{
    /// <summary>The named <see cref="HttpClient"/> the provider calls WeChat through.</summary>
    public const string HttpClientName = "Canteen.Payments.WeChatPay";

    /// <summary>
    /// Adds <see cref="WeChatPayProvider"/> as one more <see cref="IPaymentProvider"/> singleton (the saga picks a
    /// provider by <see cref="IPaymentProvider.Name"/>). Does nothing when the section has no <c>MchId</c>; when it
    /// has one, missing or invalid settings throw here, at startup, naming the setting.
    /// </summary>
    public static IServiceCollection AddWeChatPay(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(WeChatPayOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(WeChatPayOptions.MchId)]))
        {
            return services;
        }

        var options = new WeChatPayOptions();
        section.Bind(options);
        // Fail at startup rather than at the first guest's payment.
        WeChatPayCredentials.Load(options);

        // The provider is a singleton holding its HttpClient for good, so DNS changes are picked up by recycling
        // pooled connections instead of by the factory rotating handlers (which a long-held client never sees).
        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<IPaymentProvider>(sp => new WeChatPayProvider(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            options,
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }
}
