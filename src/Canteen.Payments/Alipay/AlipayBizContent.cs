namespace Canteen.Payments.Alipay;

// The biz_content bodies of the calls we make; property names become snake_case through AlipayJsonContext.

/// <summary>biz_content of <c>alipay.trade.precreate</c>.</summary>
internal sealed record AlipayPrecreateContent(string OutTradeNo, string TotalAmount, string Subject, string TimeExpire, string? SellerId);

/// <summary>biz_content of <c>alipay.trade.query</c> and <c>alipay.trade.close</c>.</summary>
internal sealed record AlipayTradeContent(string OutTradeNo);

/// <summary>biz_content of <c>alipay.trade.refund</c>; <c>out_request_no</c> makes a repeated refund the same refund.</summary>
internal sealed record AlipayRefundContent(string OutTradeNo, string RefundAmount, string OutRequestNo, string? RefundReason);

/// <summary>biz_content of <c>alipay.trade.fastpay.refund.query</c>.</summary>
internal sealed record AlipayRefundQueryContent(string OutTradeNo, string OutRequestNo);
