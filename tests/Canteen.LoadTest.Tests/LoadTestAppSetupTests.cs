using Canteen.LoadTest.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Canteen.LoadTest.Tests;

/// <summary>Set-up against a server whose answers the tool cannot use: one line and exit code 3, never a crash.</summary>
public sealed class LoadTestAppSetupTests
{
    // The menu misses its categories: reading it throws KeyNotFoundException, which is none of the network or JSON
    // failures set-up expected, and used to end the tool with a stack trace.
    [Fact]
    public async Task Main_MenuWithoutTheFieldsTheApiPromises_SetupFailsWithExitCodeThree()
    {
        await using var app = LoopbackApp.Create();
        app.MapGet("/api/v1/stores", () => Results.Json(new[] { new { id = "sh-jingan" } }));
        app.MapGet("/api/v1/stores/{storeId}/menu", () => Results.Json(new { storeId = "sh-jingan" }));
        await app.StartAsync(TestContext.Current.CancellationToken);

        var exitCode = await LoadTool.ExitCodeAsync(
            "--url", app.Urls.Single(), "--guest-tokens", "0", "--connections", "2", "--duration", "5", "--warmup", "0",
            "--requests", "10", "--no-verify");

        Assert.Equal(3, exitCode);
    }
}
