using Canteen.Payments.Alipay;
using Canteen.Payments.Sandbox;
using Canteen.Payments.WeChatPay;

namespace Canteen.Server.Hosting;

/// <summary>
/// Which payment providers run: cash always (the engine registers it), the sandbox unless disabled, and WeChat Pay
/// and Alipay when their merchant settings are present. A client asking for a provider that is not configured gets
/// <c>validation_failed</c> naming the ones that are.
/// </summary>
internal static class CanteenPayments
{
    public static IServiceCollection AddCanteenPayments(this IServiceCollection services, IConfiguration config)
    {
        // Embedded mode keeps the sandbox's books next to the database, so like a real provider it remembers
        // what was paid across our restarts; with PostgreSQL it needs an explicit StatePath (or stays in memory).
        services.AddSandboxPayments(config, () =>
            string.Equals(config["Canteen:Storage"] ?? "sqlite", "sqlite", StringComparison.OrdinalIgnoreCase)
                ? Path.Combine(config["Canteen:DataDirectory"] ?? "./data", "sandbox-payments.jsonl")
                : null);
        services.AddWeChatPay(config);
        services.AddAlipay(config);
        return services;
    }
}
