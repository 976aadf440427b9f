using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Canteen.Server.Tests.Crash;

/// <summary>
/// The command line of a Canteen.Server child process: the server assembly next to the tests (the test project
/// references it), run by the same <c>dotnet</c> host, every setting on the command line, loopback only.
/// </summary>
internal static class ServerCommand
{
    /// <param name="address">Where the server listens.</param>
    /// <param name="dataDirectory">Its data directory (and working directory).</param>
    /// <param name="settings">More <c>--Key=Value</c> arguments, after the fixed ones (so they win over them).</param>
    public static ProcessStartInfo For(Uri address, string dataDirectory, IReadOnlyList<string>? settings = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dataDirectory,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Canteen.Server.dll"),
            "--urls", address.ToString().TrimEnd('/'),
            "--Canteen:DataDirectory=" + dataDirectory,
            "--Canteen:Storage=sqlite",
            "--Canteen:Stock=inprocess",
            "--Canteen:SeedDemoData=true",
            "--Logging:LogLevel:Default=Warning",

            // A known admin to sign in as, and no per-caller limits: the workload is one admin placing many orders.
            "--Canteen:Auth:BootstrapAdmin:Username=" + Support.TestAuth.AdminUsername,
            "--Canteen:Auth:BootstrapAdmin:Password=" + Support.TestAuth.AdminPassword,
            "--Canteen:Limits:PerCaller:TokenLimit=0",
            "--Canteen:Limits:PerStore:TokenLimit=0",
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var setting in settings ?? [])
        {
            start.ArgumentList.Add(setting);
        }

        // Nothing from the test runner's environment may change how the server runs.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var inherited in new[] { "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS" })
        {
            start.Environment.Remove(inherited);
        }

        return start;
    }

    /// <summary>A port the OS just handed out; the server binds it a moment later (a lost race is retried by the caller).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
