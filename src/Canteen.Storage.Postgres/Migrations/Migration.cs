namespace Canteen.Storage.Postgres.Migrations;

/// <summary>One embedded schema script, <c>NNNN_name.sql</c>.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
