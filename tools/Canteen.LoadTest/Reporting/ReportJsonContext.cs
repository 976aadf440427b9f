using System.Text.Json;
using System.Text.Json.Serialization;

namespace Canteen.LoadTest.Reporting;

/// <summary>Source-generated JSON for the report file: camelCase, indented, like the API it measures.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(RunReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
