using System.Globalization;

namespace Canteen.LoadTest.Options;

/// <summary>Turns the command line into <see cref="LoadOptions"/>, or says what is wrong with it.</summary>
internal static class OptionsParser
{
    public const string Usage = """
        Canteen.LoadTest --url http://127.0.0.1:5080 [options]   (see tools/Canteen.LoadTest/README.md)
          --scenario lunch-rush|flash-sale|mixed   --mode closed|open
          --connections N (closed: connections; open: in-flight cap)   --rate R (open: requests/s)
          --requests N  --duration S  --warmup S   (a run stops at the first bound reached; in open mode
              N bounds arrivals on the timetable, sent or dropped at the in-flight cap, not only those sent)
          --store ID --dish ID (flash-sale)   --guest-tokens N (per store; 0 = anonymous)   --staff-token T
          --admin-user U --admin-password P (signs in for stock and invariant reads instead of --staff-token)
          --json out.json   --no-verify[=true|false]   --verify-max N   --expire-wait S   --note TEXT   --seed N
          N is a whole number (1e6 is fine, 1.5 is not); R and S may have decimals
        """;

    public static (LoadOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        string? flagBefore = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = Split(args[i]);
            var flag = flagBefore;
            flagBefore = null;
            if (name is "--no-verify" or "--help" or "-h")
            {
                // A flag takes no value of its own, but scripts write --no-verify=$SKIP: false must mean false.
                if (Flag(inline) is not { } on)
                {
                    return (null, $"{args[i]}: must be true or false (or {name} alone, meaning true)");
                }

                if (name is "--no-verify")
                {
                    options = options with { Verify = !on };
                }
                else if (on)
                {
                    return (null, Usage);
                }

                flagBefore = name;
                continue;
            }

            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                // Read as an option name, "--no-verify false" would say "false needs a value", which helps nobody. The
                // = form is suggested only for a value the flag takes: "did you mean --no-verify=5?" would be refused too.
                return (null, flag is null
                    ? $"unexpected argument '{args[i]}'"
                    : Flag(args[i]) is null
                        ? $"unexpected argument '{args[i]}' (options start with --; {flag} takes a value only as {flag}=true or {flag}=false)"
                        : $"unexpected argument '{args[i]}' (options start with --; did you mean {flag}={args[i]}?)");
            }

            var value = inline ?? (i + 1 < args.Count ? args[++i] : null);
            if (value is null)
            {
                return (null, $"{name} needs a value.");
            }

            try
            {
                options = Apply(options, name, value);
            }
            catch (FormatException e)
            {
                return (null, $"{name} {value}: {e.Message}");
            }
        }

        return (options, Validate(options));
    }

    private static (string Name, string? Inline) Split(string arg)
    {
        var eq = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
    }

    private static LoadOptions Apply(LoadOptions o, string name, string value) => name switch
    {
        "--url" => o with { Url = Uri.TryCreate(value, UriKind.Absolute, out var url) ? url : throw new FormatException("not an absolute URL") },
        "--scenario" => o with { Scenario = ParseScenario(value) },
        "--mode" => o with { Mode = value switch { "closed" => LoadMode.Closed, "open" => LoadMode.Open, _ => throw new FormatException("closed or open") } },
        "--connections" => o with { Connections = (int)Whole(value, 1, 20_000) },
        "--rate" => o with { Rate = Number(value, 0.1, 1_000_000) },
        "--requests" => o with { Requests = Whole(value, 1, 10_000_000_000) },
        "--duration" => o with { DurationSeconds = Number(value, 0.1, 3600) },
        "--warmup" => o with { WarmupSeconds = Number(value, 0, 600) },
        "--store" => o with { FlashStore = value },
        "--dish" => o with { FlashDish = value },
        "--json" => o with { JsonPath = ReportPath(value) },
        "--guest-tokens" => o with { GuestTokens = (int)Whole(value, 0, 10_000) },
        "--staff-token" => o with { StaffToken = value },
        "--admin-user" => o with { AdminUser = value },
        "--admin-password" => o with { AdminPassword = value },
        "--verify-max" => o with { VerifyMax = (int)Whole(value, 0, int.MaxValue) },
        "--note" => o with { Note = value },
        "--expire-wait" => o with { ExpireWaitSeconds = Number(value, 0, 3600) },
        "--seed" => o with { Seed = (int)Whole(value, 0, int.MaxValue) },
        _ => throw new FormatException("unknown option"),
    };

    /// <summary>A flag alone is true; written as <c>--flag=value</c> the value must say which; null when it does not.</summary>
    private static bool? Flag(string? inline) => inline switch
    {
        null => true,
        _ when inline.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        _ when inline.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        _ => null,
    };

    private static ScenarioKind ParseScenario(string value) => value switch
    {
        "lunch-rush" => ScenarioKind.LunchRush,
        "flash-sale" => ScenarioKind.FlashSale,
        "mixed" => ScenarioKind.Mixed,
        _ => throw new FormatException("lunch-rush, flash-sale or mixed"),
    };

    private static double Number(string value, double min, double max)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || double.IsNaN(number))
        {
            throw new FormatException("not a number");
        }

        return number >= min && number <= max ? number : throw new FormatException($"must be from {min} to {max}");
    }

    /// <summary>
    /// A count: truncating 1.5 connections to 1 would run a different test than the one asked for, so a fraction is
    /// refused. Parsed as a number first, so 1e6 requests still reads as a million.
    /// </summary>
    private static long Whole(string value, long min, long max)
    {
        var number = Number(value, double.NegativeInfinity, double.PositiveInfinity);
        return number >= min && number <= max && Math.Floor(number) == number
            ? (long)number
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"must be a whole number from {min} to {max}"));
    }

    /// <summary>
    /// The report is written when the run is over, which may be an hour later: a path that cannot be a file is refused
    /// now, before any load is sent. Only what is cheap to know is checked (the directory exists, the path is not one);
    /// a full disk or a missing permission still shows only when the report is written.
    /// </summary>
    private static string ReportPath(string value)
    {
        string full;
        try
        {
            full = Path.GetFullPath(value);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or IOException)
        {
            throw new FormatException("not a file path", e);
        }

        if (Directory.Exists(full))
        {
            throw new FormatException("is a directory; give a file name");
        }

        var directory = Path.GetDirectoryName(full);
        return directory is null || Directory.Exists(directory) ? value : throw new FormatException($"directory {directory} does not exist");
    }

    private static string? Validate(LoadOptions o)
    {
        if (!LoopbackGuard.IsLoopback(o.Url))
        {
            return $"Refusing {o.Url}: this tool only targets loopback (localhost, 127.x.x.x, [::1]) over http(s).";
        }

        return o.Mode == LoadMode.Open && o.Rate <= 0 ? "--mode open needs --rate R (requests per second)." : null;
    }
}
