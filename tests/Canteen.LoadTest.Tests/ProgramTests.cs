using Canteen.LoadTest.Tests.Support;

namespace Canteen.LoadTest.Tests;

/// <summary>The exit codes the README promises, which scripts such as bench/e2e.sh act on.</summary>
public sealed class ProgramTests
{
    [Fact]
    public async Task Main_Help_ExitsZero()
    {
        Assert.Equal(0, await LoadTool.ExitCodeAsync("--help"));
    }

    // 192.0.2.1 is reserved for documentation: if the guard ever let it through, the run would go nowhere, not to a stranger.
    [Theory]
    [InlineData("--url", "http://192.0.2.1:5080")]
    [InlineData("--scenario", "dinner")]
    [InlineData("--mode", "open")]
    public async Task Main_BadCommandLine_ExitsTwo(string option, string value)
    {
        Assert.Equal(2, await LoadTool.ExitCodeAsync(option, value, "--requests", "1", "--duration", "1"));
    }

    // Port 1 has nobody listening: were the option accepted, the run would stop at set-up with 3, not reach anyone.
    [Theory]
    [InlineData("--connections", "1.5")]
    [InlineData("--seed", "2.7")]
    [InlineData("--no-verify=maybe")]
    public async Task Main_FractionForWholeNumberOrBadFlagValue_ExitsTwo(params string[] args)
    {
        Assert.Equal(2, await LoadTool.ExitCodeAsync([.. args, "--url", "http://127.0.0.1:1", "--requests", "1", "--duration", "1", "--warmup", "0"]));
    }

    // Port 1 again: exit code 2 rather than 3 shows the tool refused before it sent anything.
    [Theory]
    [InlineData("--no-verify", "false")]
    [InlineData("--requests", "1", "x")]
    public async Task Main_StrayArgument_ExitsTwoBeforeTheRun(params string[] args)
    {
        Assert.Equal(2, await LoadTool.ExitCodeAsync(["--url", "http://127.0.0.1:1", "--duration", "1", "--warmup", "0", .. args]));
    }

    [Fact]
    public async Task Main_JsonInADirectoryThatDoesNotExist_ExitsTwoBeforeTheRun()
    {
        var json = Path.Combine(Path.GetTempPath(), $"canteen-loadtest-{Guid.NewGuid():N}", "out.json");

        Assert.Equal(2, await LoadTool.ExitCodeAsync("--url", "http://127.0.0.1:1", "--requests", "1", "--duration", "1", "--warmup", "0", "--json", json));
    }

    [Fact]
    public async Task Main_NobodyListening_ExitsThreeBeforeTheRun()
    {
        Assert.Equal(3, await LoadTool.ExitCodeAsync("--url", "http://127.0.0.1:1", "--requests", "1", "--duration", "1", "--warmup", "0"));
    }
}
