namespace Canteen.Server.Api.Contracts;

public sealed record StockLevelDto(string DishId, int Total, int Available, int Reserved, int Sold);

public sealed record SetStockTotalRequest(int? Total);
