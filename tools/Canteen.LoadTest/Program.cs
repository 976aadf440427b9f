using Canteen.LoadTest;
using Canteen.LoadTest.Options;

var (options, error) = OptionsParser.Parse(args);
if (options is null || error is not null)
{
    await Console.Error.WriteLineAsync(error ?? OptionsParser.Usage);
    return error == OptionsParser.Usage ? 0 : 2;
}

return await LoadTestApp.RunAsync(options);
