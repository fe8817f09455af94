using System;

namespace MedicApp.Telemetry;

/// <summary>What became of one event a sink was asked to acknowledge.</summary>
/// <param name="Status">Delivered, to retry, or refused for good.</param>
/// <param name="Reason">Why it was not delivered, for reports: a status, never a value of the event.</param>
/// <param name="RetryAfter">How long the destination asked to wait before a retry, if it did.</param>
internal readonly record struct DeliveryResult(DeliveryStatus Status, string? Reason = null, TimeSpan? RetryAfter = null)
{
    public static DeliveryResult Delivered { get; } = new(DeliveryStatus.Delivered);

    public static DeliveryResult Retry(string reason, TimeSpan? retryAfter = null) => new(DeliveryStatus.Retry, reason, retryAfter);

    public static DeliveryResult Rejected(string reason) => new(DeliveryStatus.Rejected, reason);
}

/// <summary>The outcome of one event's delivery, from the best to the worst for the outbox.</summary>
internal enum DeliveryStatus
{
    /// <summary>The destination kept it: the outbox deletes it.</summary>
    Delivered,

    /// <summary>The destination refused it for good (it will never accept it): the outbox deletes it and reports it dropped.</summary>
    Rejected,

    /// <summary>The destination could not take it now: the outbox keeps it for a retry.</summary>
    Retry,
}
