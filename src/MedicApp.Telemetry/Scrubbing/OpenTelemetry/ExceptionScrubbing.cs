using System;
using System.Reflection;

namespace MedicApp.Telemetry;

/// <summary>
/// Gives the exporter an exception whose messages, and those of its inner exceptions, hold no personal value. The
/// application's exception is never changed: a copy of the same type, with the same stack trace, gets the scrubbed
/// messages, so the <c>exceptions</c> table keeps its types, problem ids and frames.
/// </summary>
internal static class ExceptionScrubbing
{
    // Deeper chains are cut: the exporter sends the first ten exceptions of a tree anyway.
    private const int MaxDepth = 16;

    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic;

    private static readonly MethodInfo? CloneMethod = typeof(object).GetMethod("MemberwiseClone", Instance);
    private static readonly FieldInfo? MessageField = typeof(Exception).GetField("_message", Instance);
    private static readonly FieldInfo? InnerField = typeof(Exception).GetField("_innerException", Instance);
    private static readonly FieldInfo? AggregateInnersField = typeof(AggregateException).GetField("_innerExceptions", Instance);
    private static readonly FieldInfo? AggregateViewField = typeof(AggregateException).GetField("_rocView", Instance);

    /// <summary>Returns <paramref name="exception"/> itself when no message in its tree is personal, a scrubbed copy otherwise.</summary>
    public static Exception Scrub(PiiScrubber scrubber, Exception exception) => Scrub(scrubber, exception, 0);

    // Inner exceptions first, each returned as it is when clean: every message of the tree is read once.
    private static Exception Scrub(PiiScrubber scrubber, Exception exception, int depth)
    {
        if (depth == MaxDepth)
        {
            return StandIn(scrubber, exception);
        }

        if (exception is AggregateException aggregate)
        {
            var inners = new Exception[aggregate.InnerExceptions.Count];
            var innersChanged = false;
            for (var i = 0; i < inners.Length; i++)
            {
                inners[i] = Scrub(scrubber, aggregate.InnerExceptions[i], depth + 1);
                innersChanged |= !ReferenceEquals(inners[i], aggregate.InnerExceptions[i]);
            }

            // An aggregate's Message ends with its inner messages: its own is the field.
            return innersChanged || scrubber.ContainsPersonalData(MessageField?.GetValue(exception) as string ?? exception.Message)
                ? Copy(scrubber, exception, inners)
                : exception;
        }

        var inner = exception.InnerException is { } single ? Scrub(scrubber, single, depth + 1) : null;
        return !ReferenceEquals(inner, exception.InnerException) || scrubber.ContainsPersonalData(exception.Message)
            ? Copy(scrubber, exception, inner is null ? [] : [inner])
            : exception;
    }

    private static Exception Copy(PiiScrubber scrubber, Exception exception, Exception[] inners)
    {
        if (CloneMethod is null || MessageField is null || InnerField is null || AggregateInnersField is null || AggregateViewField is null)
        {
            return StandIn(scrubber, exception);
        }

        var copy = (Exception)CloneMethod.Invoke(exception, null)!;
        if (MessageField.GetValue(exception) is string message)
        {
            MessageField.SetValue(copy, scrubber.Scrub(message));
        }

        InnerField.SetValue(copy, inners.Length > 0 ? inners[0] : null);
        if (copy is AggregateException)
        {
            AggregateInnersField.SetValue(copy, inners);
            AggregateViewField.SetValue(copy, null);
        }

        // A type whose Message shows more than its message field (an out-of-range value, a file name) cannot be
        // copied safely.
        return scrubber.ContainsPersonalData(copy.Message) ? StandIn(scrubber, exception) : copy;
    }

    private static ScrubbedException StandIn(PiiScrubber scrubber, Exception exception)
        => new(exception.GetType(), scrubber.Scrub(exception.Message));
}
