using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Canteen.Server.Hosting;

/// <summary>
/// Finds <c>appsettings.json</c> when the server is started from another directory. The content root is the working
/// directory, so <c>dotnet /opt/canteen/Canteen.Server.dll</c> run from elsewhere would otherwise start without the
/// shipped settings, silently: among other things ASP.NET Core then logs five lines per request, which costs more
/// CPU than placing the order (found by profiling the end-to-end benchmark).
/// </summary>
internal static class ShippedSettings
{
    private const string FileName = "appsettings.json";

    public static void AddIfMissing(WebApplicationBuilder builder)
    {
        if (File.Exists(Path.Combine(builder.Environment.ContentRootPath, FileName))
            || !File.Exists(Path.Combine(AppContext.BaseDirectory, FileName)))
        {
            return;
        }

        // Lowest precedence: environment variables and the command line still override it, as they would normally.
        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            Path = FileName,
            Optional = true,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        });
    }
}
