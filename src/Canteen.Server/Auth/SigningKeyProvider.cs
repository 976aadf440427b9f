using System.Security.Cryptography;
using Canteen.Engine.Errors;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Canteen.Server.Auth;

/// <summary>
/// The HMAC-SHA256 key tokens are signed with: <c>Canteen:Auth:SigningKey</c> when set, otherwise
/// <c>&lt;DataDirectory&gt;/signing.key</c>, generated on first start (readable by the owner only) and reused after,
/// so tokens survive a restart. A generated key is per machine: distributed instances must configure a shared one.
/// </summary>
public sealed partial class SigningKeyProvider(IOptions<AuthOptions> options, IConfiguration configuration, ILogger<SigningKeyProvider> logger)
{
    public const int MinimumKeyBytes = 32;
    private const string FileName = "signing.key";
    private readonly Lazy<SymmetricSecurityKey> _key = new(() => Load(options.Value, configuration, logger));

    public SymmetricSecurityKey Key => _key.Value;

    private static SymmetricSecurityKey Load(AuthOptions options, IConfiguration configuration, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return new SymmetricSecurityKey(Decode(options.SigningKey, "Canteen:Auth:SigningKey"));
        }

        var directory = Path.GetFullPath(configuration["Canteen:DataDirectory"] ?? "./data");
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path))
        {
            return new SymmetricSecurityKey(Decode(File.ReadAllText(path).Trim(), path));
        }

        Directory.CreateDirectory(directory);
        var bytes = RandomNumberGenerator.GetBytes(64);
        var text = Convert.ToBase64String(bytes);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, fileOptions);
            writer.Write(text);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process on the same directory won the race: use its key, so both sign alike.
            return new SymmetricSecurityKey(Decode(File.ReadAllText(path).Trim(), path));
        }

        LogGenerated(logger, path);
        return new SymmetricSecurityKey(bytes);
    }

    private static byte[] Decode(string base64, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidConfigurationException($"The token signing key in {source} is not valid base64.");
        }

        return bytes.Length >= MinimumKeyBytes
            ? bytes
            : throw new InvalidConfigurationException($"The token signing key in {source} has {bytes.Length} bytes; HS256 needs at least {MinimumKeyBytes}.");
    }

    // The path only, never the key.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated a token signing key at {Path}; distributed instances must share one via Canteen:Auth:SigningKey")]
    private static partial void LogGenerated(ILogger logger, string path);
}
