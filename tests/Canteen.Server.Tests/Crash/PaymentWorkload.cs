namespace Canteen.Server.Tests.Crash;

/// <summary>
/// Guests paying for orders of one braised pork through the sandbox, each order following a <see cref="PaymentScenario"/>,
/// while the server is killed under them. Every step is retried through <see cref="CrashingApi"/> after a kill, so
/// a step may land twice; each step reads an answer that only makes sense for a repeat (409 "already paid") as done.
/// Seeded: the same seed gives the same guests, scenarios and pauses (the server's timing still varies).
/// </summary>
internal sealed class PaymentWorkload(CrashingApi api, PaymentTally tally)
{
    public const string Store = CrashWorkload.Store;
    public const string Dish = "braised-pork";
    private const string OrderBody = """{"type":"takeaway","items":[{"dishId":"braised-pork","quantity":1,"options":["size-regular"]}]}""";
    private const string SandboxBody = """{"provider":"sandbox"}""";

    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(150);

    // Longer than a lost callback takes to be found by the active query (QueryDelay 1 s, plus back-off under chaos).
    private static readonly TimeSpan SettleWait = TimeSpan.FromSeconds(6);

    public async Task RunAsync(int guests, int orders, int seed, CancellationToken stop)
    {
        var random = new Random(seed);
        var plan = Enumerable.Range(0, orders).Select(i => (PaymentScenario)(i % Enum.GetValues<PaymentScenario>().Length)).ToArray();
        random.Shuffle(plan);
        var admin = await SignInAsync(stop);
        await Task.WhenAll(Enumerable.Range(0, guests).Select(g =>
        {
            var mine = plan.Where((_, i) => i % guests == g).ToList();
            var guestSeed = random.Next();
            return Task.Run(() => GuestAsync(g, mine, guestSeed, admin, stop), CancellationToken.None);
        }));
    }

    private async Task GuestAsync(int index, IReadOnlyList<PaymentScenario> scenarios, int seed, string admin, CancellationToken stop)
    {
        var random = new Random(seed);
        try
        {
            // Staggered, so the guests' steps interleave differently instead of marching in lockstep.
            await Task.Delay(index * 200, stop);
            var token = await GuestTokenAsync(stop);
            var guest = new Guest(api, tally, token, admin, stop);
            foreach (var scenario in scenarios)
            {
                await guest.OrderAsync(scenario);
                await Task.Delay(random.Next(50, 400), stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            tally.GuestStopped();
        }
    }

    private async Task<string> SignInAsync(CancellationToken stop)
    {
        var reply = await api.PostAsync(
            "/api/v1/auth/token", null, stop, $$"""{"username":"{{Support.TestAuth.AdminUsername}}","password":"{{Support.TestAuth.AdminPassword}}"}""");
        return reply.Status == 200 ? reply["accessToken"]! : throw new InvalidOperationException($"Sign-in failed: {reply}");
    }

    private async Task<string> GuestTokenAsync(CancellationToken stop)
    {
        var reply = await api.PostAsync("/api/v1/auth/guest", null, stop, $$"""{"storeId":"{{Store}}"}""");
        return reply.Status == 200 ? reply["accessToken"]! : throw new InvalidOperationException($"Guest token refused: {reply}");
    }

    /// <summary>One guest's orders, one after another; staff actions (kitchen, refund) use the admin token.</summary>
    private sealed class Guest(CrashingApi api, PaymentTally tally, string token, string admin, CancellationToken stop)
    {
        public async Task OrderAsync(PaymentScenario scenario)
        {
            if (await PlaceAsync() is not { } orderId)
            {
                tally.Outcome(scenario, "order refused");
                return;
            }

            if (await OpenPaymentAsync(orderId) is not { } paymentId)
            {
                tally.Outcome(scenario, "no payment opened");
                return;
            }

            switch (scenario)
            {
                case PaymentScenario.Pay:
                    tally.Outcome(scenario, await PayAndWaitAsync(orderId, paymentId));
                    break;
                case PaymentScenario.FailThenPay:
                    tally.Outcome(scenario, await FailThenPayAsync(orderId, paymentId));
                    break;
                case PaymentScenario.Abandon:
                    tally.Outcome(scenario, "walked away");
                    break;
                case PaymentScenario.CancelThenPay:
                    tally.Outcome(scenario, await CancelThenPayAsync(orderId, paymentId));
                    break;
                case PaymentScenario.PayThenRefund:
                case PaymentScenario.PayStartRefund:
                    tally.Outcome(scenario, await PayThenRefundAsync(orderId, paymentId, scenario == PaymentScenario.PayStartRefund));
                    break;
            }
        }

        private async Task<string?> PlaceAsync()
        {
            var key = Guid.NewGuid().ToString();
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var reply = await api.PostAsync($"/api/v1/stores/{Store}/orders", token, stop, OrderBody, key);
                if (reply.Status == 201)
                {
                    tally.OrderPlaced();
                    return reply["id"];
                }

                if (reply.Status != 503 && reply.Code != "request_in_progress")
                {
                    tally.Surprise("place order", reply);
                    return null;
                }

                await Task.Delay(200, stop);
            }

            return null;
        }

        /// <summary>
        /// Opens a sandbox payment; a 502/503 is retried with the same key. A 409 because the order is already
        /// <c>paying</c> means our earlier try was committed but its answer was cut off by a kill: that pending payment
        /// is adopted. Null when the order can no longer be paid (deadline passed, cancelled).
        /// </summary>
        private async Task<string?> OpenPaymentAsync(string orderId)
        {
            var key = Guid.NewGuid().ToString();
            for (var attempt = 0; attempt < 12; attempt++)
            {
                var reply = await api.PostAsync($"/api/v1/orders/{orderId}/payments", token, stop, SandboxBody, key);
                switch (reply.Status, reply.Code)
                {
                    case (201, _) when reply["status"] is "pending" or "succeeded":
                        return reply["id"];
                    case (201, _):
                        // The active query asked the provider before the (slow, retried) creation reached it: the
                        // payment is already written off and the order can pay again, with a new payment.
                        tally.Note("opened payment already " + reply["status"]);
                        key = Guid.NewGuid().ToString();
                        break;
                    case (502 or 503, _):
                        tally.Note($"open payment {reply.Status} {reply.Code}");
                        await Task.Delay(300, stop);
                        break;
                    case (409, "request_in_progress"):
                        await Task.Delay(200, stop);
                        break;
                    case (409, "payment_deadline_passed"):
                        return null;
                    case (409, "invalid_transition"):
                        var status = await OrderStatusAsync(orderId);
                        if (status == "paying")
                        {
                            if (await PendingPaymentAsync(orderId) is { } pending)
                            {
                                tally.Note("adopted a pending payment");
                                return pending;
                            }

                            await Task.Delay(PollEvery, stop);
                        }
                        else if (status != "created")
                        {
                            return null;
                        }

                        break;
                    default:
                        tally.Surprise($"open payment for {orderId}", reply);
                        return null;
                }
            }

            return null;
        }

        /// <summary>The guest pays at the sandbox. True when the sandbox took the money (now or on an earlier try).</summary>
        private async Task<bool> PayAsync(string orderId, string paymentId)
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var reply = await api.PostAsync($"/api/v1/sandbox/payments/{paymentId}/succeed", token, stop);
                tally.Acted();
                if (reply.Status == 200 || reply.Detail.Contains("already paid", StringComparison.Ordinal))
                {
                    return true;
                }

                if (reply.Status != 409)
                {
                    tally.Surprise($"pay {paymentId}", reply);
                    return false;
                }

                if (!reply.Detail.Contains("never opened", StringComparison.Ordinal))
                {
                    // Closed (deadline passed, order cancelled) or declined: no money moved.
                    return false;
                }

                // The kill cut the provider call off: the saga fails this payment at its next check, then we pay anew.
                tally.Note("paid a payment the sandbox never opened");
                await WaitAsync($"/api/v1/payments/{paymentId}", s => s != "pending");
                if (await OrderStatusAsync(orderId) is not ("created" or "paying") || await OpenPaymentAsync(orderId) is not { } next)
                {
                    return false;
                }

                paymentId = next;
            }

            return false;
        }

        private async Task<string> PayAndWaitAsync(string orderId, string paymentId)
        {
            return await PayAsync(orderId, paymentId) ? "paid, order " + await WaitOrderAsync(orderId, s => s is not ("paying" or "created")) : "pay refused";
        }

        private async Task<string> FailThenPayAsync(string orderId, string paymentId)
        {
            var reply = await api.PostAsync($"/api/v1/sandbox/payments/{paymentId}/fail", token, stop);
            tally.Acted();
            if (reply.Status != 200 && !reply.Detail.Contains("already declined", StringComparison.Ordinal))
            {
                if (reply.Status != 409)
                {
                    tally.Surprise($"fail {paymentId}", reply);
                }

                return "decline refused";
            }

            // The decline reaches the saga by callback (maybe lost, late or doubled) or by the active query.
            if (await WaitOrderAsync(orderId, s => s != "paying") != "created" || await OpenPaymentAsync(orderId) is not { } second)
            {
                return "declined, could not pay again";
            }

            return "declined, then " + await PayAndWaitAsync(orderId, second);
        }

        private async Task<string> CancelThenPayAsync(string orderId, string paymentId)
        {
            var cancel = await api.PostAsync($"/api/v1/orders/{orderId}/cancel", token, stop);
            tally.Acted();
            if (cancel.Status != 200 && await OrderStatusAsync(orderId) != "cancelled")
            {
                tally.Surprise($"cancel {orderId}", cancel);
                return "cancel refused";
            }

            // Still on the provider's page: pays before the saga closes the payment (or finds it closed).
            return await PayAsync(orderId, paymentId) ? "cancelled, paid late" : "cancelled, pay refused";
        }

        private async Task<string> PayThenRefundAsync(string orderId, string paymentId, bool cookFirst)
        {
            if (!await PayAsync(orderId, paymentId))
            {
                return "pay refused";
            }

            var status = await WaitOrderAsync(orderId, s => s is not ("paying" or "created"));
            if (status != "paid")
            {
                return "paid, order " + status;
            }

            if (cookFirst)
            {
                var start = await api.PostAsync($"/api/v1/orders/{orderId}/start", admin, stop);
                if (start.Status != 200 && await OrderStatusAsync(orderId) != "preparing")
                {
                    tally.Surprise($"start {orderId}", start);
                    return "kitchen refused";
                }
            }

            var refund = await api.PostAsync($"/api/v1/orders/{orderId}/refund", admin, stop);
            tally.Acted();
            if (refund.Status != 200 && await OrderStatusAsync(orderId) != "refunded")
            {
                tally.Surprise($"refund {orderId}", refund);
                return "refund refused";
            }

            return cookFirst ? "refunded from preparing" : "refunded from paid";
        }

        private async Task<string?> PendingPaymentAsync(string orderId)
        {
            var reply = await api.GetAsync($"/api/v1/orders/{orderId}/payments", token, stop);
            return reply.Status == 200
                ? reply.Json!.AsArray().LastOrDefault(p => (string?)p!["status"] == "pending") is { } pending ? (string?)pending["id"] : null
                : null;
        }

        private async Task<string> OrderStatusAsync(string orderId)
        {
            var reply = await api.GetAsync($"/api/v1/orders/{orderId}", token, stop);
            return reply.Status == 200 ? reply["status"]! : $"HTTP {reply.Status}";
        }

        private Task<string> WaitOrderAsync(string orderId, Func<string, bool> until) => WaitAsync($"/api/v1/orders/{orderId}", until);

        /// <summary>Polls a resource's <c>status</c> until <paramref name="until"/> holds or <see cref="SettleWait"/> passes; returns the last.</summary>
        private async Task<string> WaitAsync(string path, Func<string, bool> until)
        {
            var deadline = TimeProvider.System.GetTimestamp() + (long)(SettleWait.TotalSeconds * TimeProvider.System.TimestampFrequency);
            while (true)
            {
                var reply = await api.GetAsync(path, token, stop);
                var status = reply.Status == 200 ? reply["status"]! : $"HTTP {reply.Status}";
                if (until(status) || TimeProvider.System.GetTimestamp() > deadline)
                {
                    return status;
                }

                await Task.Delay(PollEvery, stop);
            }
        }
    }
}
