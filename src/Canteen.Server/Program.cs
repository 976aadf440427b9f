using Canteen.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCanteen();
var app = builder.Build();
app.UseCanteen();
app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
