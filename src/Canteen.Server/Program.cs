using Canteen.Server.Hosting;

WebApplication? app = null;
try
{
    try
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddCanteen();
        app = builder.Build();
        app.UseCanteen();

        // Started here rather than by Run, so only a failure to start is described below; a server that started and
        // later fails keeps its full report.
        await app.StartAsync();
    }
    catch (Exception e) when (StartupConfiguration.Describe(e) is { } reason)
    {
        // A bad setting is the operator's to fix: say which one in a line, not in a stack trace.
        Console.Error.WriteLine($"Canteen cannot start: invalid configuration. {reason}");
        return 2;
    }
    catch (Exception e) when (StartupFailure.Describe(e, app?.Configuration) is { } reason)
    {
        // So is the environment (the port is taken, the database is down); a bug keeps its stack trace.
        Console.Error.WriteLine($"Canteen cannot start: {reason}");
        return 3;
    }

    await app.WaitForShutdownAsync();
    return 0;
}
finally
{
    // As Run does, started or not.
    if (app is not null)
    {
        await app.DisposeAsync();
    }
}

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
