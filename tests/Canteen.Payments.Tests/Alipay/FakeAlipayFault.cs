namespace Canteen.Payments.Tests.Alipay;

/// <summary>How <see cref="FakeAlipayServer"/> misbehaves, until told otherwise.</summary>
public enum FakeAlipayFault
{
    None,

    /// <summary>Signs something other than the response node.</summary>
    BadSignature,

    /// <summary>Leaves the <c>sign</c> out of every answer.</summary>
    MissingSignature,

    /// <summary>Answers code 20000, service unavailable.</summary>
    ServiceUnavailable,

    /// <summary>Answers HTTP 500 with no body.</summary>
    Http500,
}
