namespace Canteen.LoadTest.Options;

/// <summary>The names the command line and the reports use for scenarios and modes.</summary>
internal static class ScenarioNames
{
    public static string Of(ScenarioKind scenario) => scenario switch
    {
        ScenarioKind.LunchRush => "lunch-rush",
        ScenarioKind.FlashSale => "flash-sale",
        _ => "mixed",
    };

    public static string Of(LoadMode mode) => mode == LoadMode.Open ? "open" : "closed";
}
