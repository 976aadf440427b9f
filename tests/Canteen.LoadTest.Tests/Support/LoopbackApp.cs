using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Canteen.LoadTest.Tests.Support;

/// <summary>
/// The bare app behind the small fake servers the tool is run against (lying, slow, stalling): a real socket on a
/// free loopback port, no logging; each server maps its own endpoints on it.
/// </summary>
internal static class LoopbackApp
{
    public static WebApplication Create()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        return builder.Build();
    }
}
