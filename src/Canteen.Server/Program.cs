using Canteen.Server.Hosting;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddCanteen();
    var app = builder.Build();
    app.UseCanteen();
    app.Run();
    return 0;
}
catch (Exception e) when (StartupConfiguration.Describe(e) is { } reason)
{
    // A bad setting is the operator's to fix: say which one in a line, not in a stack trace.
    Console.Error.WriteLine($"Canteen cannot start: invalid configuration. {reason}");
    return 2;
}

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
