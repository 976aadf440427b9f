using System.Text.RegularExpressions;
using Canteen.LoadTest.Options;

namespace Canteen.LoadTest.Tests.Options;

public sealed class OptionsParserTests
{
    [Fact]
    public void Parse_NoArguments_GivesTheReadmeDefaults()
    {
        var (options, error) = OptionsParser.Parse([]);

        Assert.Null(error);
        Assert.NotNull(options);
        Assert.Equal(new Uri("http://127.0.0.1:5080"), options.Url);
        Assert.Equal(ScenarioKind.LunchRush, options.Scenario);
        Assert.Equal(LoadMode.Closed, options.Mode);
        Assert.Equal(64, options.Connections);
        Assert.Equal(1_000_000, options.Requests);
        Assert.Equal(10, options.DurationSeconds);
        Assert.Equal(2, options.WarmupSeconds);
        Assert.Equal(("sh-jingan", "braised-pork"), (options.FlashStore, options.FlashDish));
        Assert.Equal(16, options.GuestTokens);
        Assert.True(options.Verify);
        Assert.Equal(0, options.VerifyMax);
        Assert.Equal(42, options.Seed);
        Assert.Null(options.JsonPath);
    }

    [Fact]
    public void Parse_EveryOption_IsApplied()
    {
        var (options, error) = OptionsParser.Parse(
        [
            "--url", "http://localhost:9000", "--scenario", "flash-sale", "--mode=open", "--rate", "250.5", "--connections", "8",
            "--requests", "300", "--duration", "2", "--warmup", "0", "--store", "bj-sanlitun", "--dish", "peking-duck",
            "--guest-tokens", "0", "--staff-token", "s3cret", "--admin-user", "boss", "--admin-password", "pw", "--json", "out.json",
            "--no-verify", "--verify-max", "10", "--expire-wait", "5", "--note", "lifted limits", "--seed", "7",
        ]);

        Assert.Null(error);
        Assert.Equal(
            new LoadOptions
            {
                Url = new Uri("http://localhost:9000"), Scenario = ScenarioKind.FlashSale, Mode = LoadMode.Open, Rate = 250.5,
                Connections = 8, Requests = 300, DurationSeconds = 2, WarmupSeconds = 0, FlashStore = "bj-sanlitun",
                FlashDish = "peking-duck", GuestTokens = 0, StaffToken = "s3cret", AdminUser = "boss", AdminPassword = "pw",
                JsonPath = "out.json", Verify = false, VerifyMax = 10, ExpireWaitSeconds = 5, Note = "lifted limits", Seed = 7,
            },
            options);
    }

    // Whatever else is given, a run must still stop on its own: both bounds stay finite and positive.
    [Theory]
    [InlineData("--requests", "5")]
    [InlineData("--duration", "0.5")]
    [InlineData("--mode", "open", "--rate", "100")]
    [InlineData("--warmup", "0", "--connections", "1")]
    public void Parse_AnyValidCommandLine_RunIsBoundedByCountAndTime(params string[] args)
    {
        var (options, error) = OptionsParser.Parse(args);

        Assert.Null(error);
        Assert.InRange(options!.Requests, 1, 10_000_000_000);
        Assert.InRange(options.DurationSeconds, 0.1, 3600);
    }

    [Theory]
    [InlineData("--requests", "0")]
    [InlineData("--requests", "-1")]
    [InlineData("--duration", "0")]
    [InlineData("--duration", "1e9")]
    [InlineData("--duration", "Infinity")]
    [InlineData("--duration", "NaN")]
    public void Parse_UnboundedOrEmptyRun_IsRefused(string option, string value)
    {
        var (_, error) = OptionsParser.Parse([option, value]);

        Assert.NotNull(error);
        Assert.StartsWith($"{option} {value}:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OpenModeWithoutRate_SaysRateIsNeeded()
    {
        var (_, error) = OptionsParser.Parse(["--mode", "open"]);

        Assert.Equal("--mode open needs --rate R (requests per second).", error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("0.01")]
    public void Parse_OpenModeWithNonPositiveOrTinyRate_GivesRangeError(string rate)
    {
        var (_, error) = OptionsParser.Parse(["--mode", "open", "--rate", rate]);

        Assert.Equal($"--rate {rate}: must be from 0.1 to 1000000", error);
    }

    [Theory]
    [InlineData("--scenario", "dinner", "lunch-rush, flash-sale or mixed")]
    [InlineData("--mode", "half-open", "closed or open")]
    [InlineData("--connections", "many", "not a number")]
    [InlineData("--rate", "1,000", "not a number")]
    [InlineData("--seed", "-1", "must be a whole number from 0 to")]
    [InlineData("--url", "127.0.0.1:5080", "not an absolute URL")]
    [InlineData("--frobnicate", "1", "unknown option")]
    public void Parse_InvalidValue_GivesClearErrorNamingTheOption(string option, string value, string reason)
    {
        var (options, error) = OptionsParser.Parse([option, value]);

        Assert.Null(options);
        Assert.NotNull(error);
        Assert.StartsWith($"{option} {value}: ", error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    // Truncating would quietly run another test than the one asked for: 1.5 connections is not 1.
    [Theory]
    [InlineData("--connections", "1.5", "from 1 to 20000")]
    [InlineData("--seed", "2.7", "from 0 to 2147483647")]
    [InlineData("--requests", "10.5", "from 1 to 10000000000")]
    [InlineData("--guest-tokens", "0.5", "from 0 to 10000")]
    [InlineData("--verify-max", "3.2", "from 0 to 2147483647")]
    [InlineData("--connections", "1e300", "from 1 to 20000")]
    public void Parse_FractionOrOutOfRangeForWholeNumberOption_IsRefusedNamingTheOption(string option, string value, string range)
    {
        var (options, error) = OptionsParser.Parse([option, value]);

        Assert.Null(options);
        Assert.Equal($"{option} {value}: must be a whole number {range}", error);
    }

    [Theory]
    [InlineData("--requests", "1e6")]
    [InlineData("--requests", "1000000.0")]
    public void Parse_WholeNumberWrittenAsFloat_IsAccepted(string option, string value)
    {
        var (options, error) = OptionsParser.Parse([option, value]);

        Assert.Null(error);
        Assert.Equal(1_000_000, options!.Requests);
    }

    // Scripts write --no-verify=$SKIP: =false must leave verification on, and a value that is neither is a mistake.
    [Theory]
    [InlineData("--no-verify", false)]
    [InlineData("--no-verify=true", false)]
    [InlineData("--no-verify=false", true)]
    [InlineData("--no-verify=False", true)]
    public void Parse_NoVerify_AloneOrTrueSkipsVerificationFalseKeepsIt(string arg, bool verify)
    {
        var (options, error) = OptionsParser.Parse([arg, "--requests", "5"]);

        Assert.Null(error);
        Assert.Equal(verify, options!.Verify);
        Assert.Equal(5, options.Requests);
    }

    [Theory]
    [InlineData("--no-verify=maybe", "--no-verify")]
    [InlineData("--no-verify=", "--no-verify")]
    [InlineData("--no-verify=0", "--no-verify")]
    [InlineData("--help=please", "--help")]
    public void Parse_FlagWithAValueOtherThanTrueOrFalse_GivesClearError(string arg, string flag)
    {
        var (options, error) = OptionsParser.Parse([arg]);

        Assert.Null(options);
        Assert.Equal($"{arg}: must be true or false (or {flag} alone, meaning true)", error);
    }

    [Fact]
    public void Parse_HelpFalse_DoesNotAskForHelp()
    {
        var (options, error) = OptionsParser.Parse(["--help=false", "--requests", "5"]);

        Assert.Null(error);
        Assert.Equal(5, options!.Requests);
        Assert.Same(OptionsParser.Usage, OptionsParser.Parse(["--help=true"]).Error);
    }

    [Fact]
    public void Parse_OptionWithoutValue_SaysItNeedsOne()
    {
        var (options, error) = OptionsParser.Parse(["--requests", "10", "--duration"]);

        Assert.Null(options);
        Assert.Equal("--duration needs a value.", error);
    }

    // A stray word must not be read as an option: "--no-verify false" used to say "false needs a value".
    [Theory]
    [InlineData(new[] { "--no-verify", "false" }, "unexpected argument 'false' (options start with --; did you mean --no-verify=false?)")]
    [InlineData(new[] { "--help=false", "true" }, "unexpected argument 'true' (options start with --; did you mean --help=true?)")]
    [InlineData(new[] { "--no-verify", "5" }, "unexpected argument '5' (options start with --; --no-verify takes a value only as --no-verify=true or --no-verify=false)")]
    [InlineData(new[] { "--help=false", "yes" }, "unexpected argument 'yes' (options start with --; --help takes a value only as --help=true or --help=false)")]
    [InlineData(new[] { "--requests", "5", "x" }, "unexpected argument 'x'")]
    [InlineData(new[] { "x", "--requests", "5" }, "unexpected argument 'x'")]
    [InlineData(new[] { "--note", "--no-verify", "false" }, "unexpected argument 'false'")]
    [InlineData(new[] { "-requests", "5" }, "unexpected argument '-requests'")]
    public void Parse_StrayArgument_IsUnexpectedWithAHintAfterAFlag(string[] args, string error)
    {
        var (options, actual) = OptionsParser.Parse(args);

        Assert.Null(options);
        Assert.Equal(error, actual);
    }

    // A hint that is refused in turn helps nobody: "--no-verify 5" used to suggest --no-verify=5, which is not a boolean.
    [Theory]
    [InlineData("false")]
    [InlineData("TRUE")]
    [InlineData("5")]
    [InlineData("yes")]
    [InlineData("")]
    public void Parse_StrayArgumentAfterAFlag_SuggestsOnlyWhatIsAccepted(string value)
    {
        var (_, error) = OptionsParser.Parse(["--no-verify", value, "--requests", "5"]);

        Assert.NotNull(error);
        var suggested = Regex.Match(error, "did you mean (.*)\\?\\)$");
        if (suggested.Success)
        {
            Assert.Null(OptionsParser.Parse([suggested.Groups[1].Value, "--requests", "5"]).Error);
        }
        else
        {
            Assert.EndsWith("--no-verify takes a value only as --no-verify=true or --no-verify=false)", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_ShortHelp_IsStillHelp()
    {
        Assert.Same(OptionsParser.Usage, OptionsParser.Parse(["-h"]).Error);
    }

    // The report is written when the run is over: a path that cannot be a file is refused before anything is sent.
    [Fact]
    public void Parse_JsonInADirectoryThatDoesNotExist_IsRefusedNamingTheDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"canteen-loadtest-{Guid.NewGuid():N}", "missing");
        var json = Path.Combine(directory, "out.json");

        var (options, error) = OptionsParser.Parse(["--json", json]);

        Assert.Null(options);
        Assert.Equal($"--json {json}: directory {directory} does not exist", error);
    }

    [Fact]
    public void Parse_JsonNamingADirectory_IsRefused()
    {
        var (options, error) = OptionsParser.Parse(["--json", Path.GetTempPath()]);

        Assert.Null(options);
        Assert.Equal($"--json {Path.GetTempPath()}: is a directory; give a file name", error);
    }

    [Fact]
    public void Parse_JsonInAnExistingDirectory_IsAcceptedAsGiven()
    {
        var json = Path.Combine(Path.GetTempPath(), $"canteen-loadtest-{Guid.NewGuid():N}.json");

        var (options, error) = OptionsParser.Parse(["--json", json]);

        Assert.Null(error);
        Assert.Equal(json, options!.JsonPath);
        Assert.False(File.Exists(json));
    }

    [Theory]
    [InlineData("http://10.0.0.1:5080")]
    [InlineData("http://example.com")]
    public void Parse_NonLoopbackUrl_IsRefusedBeforeAnythingIsSent(string url)
    {
        var (_, error) = OptionsParser.Parse(["--url", url]);

        Assert.NotNull(error);
        Assert.StartsWith("Refusing " + url, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Help_ReturnsUsage()
    {
        var (options, error) = OptionsParser.Parse(["--requests", "5", "--help"]);

        Assert.Null(options);
        Assert.Same(OptionsParser.Usage, error);
    }

    // The command line is typed by people: no input may crash the tool instead of explaining itself.
    [Theory]
    [InlineData("--connections", "1e300")]
    [InlineData("--connections", "")]
    [InlineData("--url", "")]
    [InlineData("--json")]
    [InlineData("=")]
    [InlineData("--=5")]
    [InlineData("positional")]
    public void Parse_GarbageInput_NeverThrows(params string[] args)
    {
        var (_, error) = OptionsParser.Parse(args);

        Assert.NotNull(error);
    }
}
