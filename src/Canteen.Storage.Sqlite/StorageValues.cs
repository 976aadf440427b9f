using System.Globalization;

namespace Canteen.Storage.Sqlite;

/// <summary>
/// What only SQLite spells its own way: business days as <c>yyyy-MM-dd</c> text (it has no date type). Everything
/// shared with the other adapters is in <see cref="Canteen.Engine.Storage.StoredValues"/>.
/// </summary>
internal static class StorageValues
{
    private const string DayFormat = "yyyy-MM-dd";

    public static string DayToText(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, DayFormat, CultureInfo.InvariantCulture);
}
