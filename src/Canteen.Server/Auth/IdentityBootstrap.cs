using System.Security.Cryptography;
using Canteen.Engine.Errors;
using Canteen.Engine.Identity;
using Microsoft.Extensions.Options;

namespace Canteen.Server.Auth;

/// <summary>
/// Gives an empty database its first admin, after the engine has migrated storage. The name and password come from
/// <c>Canteen:Auth:BootstrapAdmin</c>; without a password a random one is generated and written once to standard
/// output — deliberately not through <see cref="ILogger"/>, whose sinks (JSON log files, OTLP collectors) keep
/// records; the console of the first start is the only copy, and the admin should change it (add another admin).
/// </summary>
public sealed partial class IdentityBootstrap(
    IUserStore users, SigningKeyProvider keys, IOptions<AuthOptions> options, TimeProvider time, ILogger<IdentityBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Loaded now, not on the first request: a bad configured key stops start-up with a clear message.
        _ = keys.Key;
        if (await users.CountUsersAsync(cancellationToken) > 0)
        {
            return;
        }

        var settings = options.Value.BootstrapAdmin;
        var username = (settings.Username ?? "admin").Trim().ToLowerInvariant();
        if (!AccountRules.IsValidUsername(username))
        {
            throw new InvalidConfigurationException("Canteen:Auth:BootstrapAdmin:Username must be 3-64 of a-z, 0-9, '.', '_', '-'.");
        }

        var generated = string.IsNullOrEmpty(settings.Password);
        var password = generated ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)) : settings.Password!;
        var admin = new UserAccount(username, PasswordHashing.Hash(password), UserRoles.Admin, [], time.GetUtcNow());
        if (!await users.CreateUserAsync(admin, cancellationToken))
        {
            // Another instance bootstrapped the same database first.
            return;
        }

        LogCreated(logger, username);
        if (generated)
        {
            await Console.Out.WriteLineAsync(
                $"Canteen: created admin '{username}' with password {password} — shown once; keep it safe.".AsMemory(), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The user table was empty: created the bootstrap admin {Username}")]
    private static partial void LogCreated(ILogger logger, string username);
}
