using Canteen.Engine.Errors;
using Microsoft.Extensions.Options;

namespace Canteen.Payments.Alipay;

/// <summary>
/// Names every missing or unusable setting at once, so a misconfigured deployment fails at start with the setting
/// to fix instead of at the first payment with a null reference.
/// </summary>
public sealed class AlipayOptionsValidator : IValidateOptions<AlipayOptions>
{
    public ValidateOptionsResult Validate(string? name, AlipayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Throws <see cref="InvalidConfigurationException"/> listing the settings to fix, if any.</summary>
    public static void ThrowIfInvalid(AlipayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options);
        if (problems.Count > 0)
        {
            throw new InvalidConfigurationException("Alipay is misconfigured: " + string.Join(" ", problems));
        }
    }

    private static List<string> Problems(AlipayOptions options)
    {
        const string Prefix = AlipayOptions.Section + ":";
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AppId))
        {
            problems.Add($"{Prefix}{nameof(AlipayOptions.AppId)} is not set.");
        }

        if (string.IsNullOrWhiteSpace(options.AppPrivateKey) && string.IsNullOrWhiteSpace(options.AppPrivateKeyPath))
        {
            problems.Add($"{Prefix}{nameof(AlipayOptions.AppPrivateKey)} (or {nameof(AlipayOptions.AppPrivateKeyPath)}) is not set.");
        }

        if (string.IsNullOrWhiteSpace(options.AlipayPublicKey))
        {
            problems.Add($"{Prefix}{nameof(AlipayOptions.AlipayPublicKey)} is not set.");
        }

        if (options.GatewayUrl is not { IsAbsoluteUri: true })
        {
            problems.Add($"{Prefix}{nameof(AlipayOptions.GatewayUrl)} must be an absolute URL.");
        }

        if (options.NotifyUrl is not { IsAbsoluteUri: true })
        {
            problems.Add($"{Prefix}{nameof(AlipayOptions.NotifyUrl)} is not set (an absolute URL Alipay can reach).");
        }

        if (options.NotifyWindow <= TimeSpan.Zero)
        {
            problems.Add($"{Prefix}{nameof(AlipayOptions.NotifyWindow)} must be positive.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{Prefix}{nameof(AlipayOptions.RequestTimeout)} must be positive.");
        }

        return problems;
    }
}
