using System;
using System.Diagnostics.CodeAnalysis;
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
    public static Exception Scrub(PiiScrubber scrubber, Exception exception)
        => HoldsPersonalData(scrubber, exception, 0) ? Copy(scrubber, exception, 0) : exception;

    private static bool HoldsPersonalData(PiiScrubber scrubber, Exception exception, int depth)
    {
        if (depth == MaxDepth || scrubber.ContainsPersonalData(exception.Message))
        {
            return true;
        }

        if (exception is AggregateException aggregate)
        {
            foreach (var inner in aggregate.InnerExceptions)
            {
                if (HoldsPersonalData(scrubber, inner, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        return exception.InnerException is { } single && HoldsPersonalData(scrubber, single, depth + 1);
    }

    private static Exception Copy(PiiScrubber scrubber, Exception exception, int depth)
    {
        if (depth == MaxDepth || !TryCopy(scrubber, exception, depth, out var copy) || scrubber.ContainsPersonalData(copy.Message))
        {
            // A type whose Message shows more than its message field (an out-of-range value, a file name) cannot be
            // copied safely: a stand-in names the type and carries the scrubbed text.
            return new ScrubbedException(exception.GetType(), scrubber.Scrub(exception.Message));
        }

        return copy;
    }

    private static bool TryCopy(PiiScrubber scrubber, Exception exception, int depth, [NotNullWhen(true)] out Exception? copy)
    {
        copy = null;
        if (CloneMethod is null || MessageField is null || InnerField is null)
        {
            return false;
        }

        var clone = (Exception)CloneMethod.Invoke(exception, null)!;
        if (MessageField.GetValue(exception) is string message)
        {
            MessageField.SetValue(clone, scrubber.Scrub(message));
        }

        if (exception is AggregateException aggregate)
        {
            if (AggregateInnersField is null || AggregateViewField is null)
            {
                return false;
            }

            var inners = new Exception[aggregate.InnerExceptions.Count];
            for (var i = 0; i < inners.Length; i++)
            {
                inners[i] = ScrubInner(scrubber, aggregate.InnerExceptions[i], depth);
            }

            AggregateInnersField.SetValue(clone, inners);
            AggregateViewField.SetValue(clone, null);
            InnerField.SetValue(clone, inners.Length > 0 ? inners[0] : null);
        }
        else if (exception.InnerException is { } inner)
        {
            InnerField.SetValue(clone, ScrubInner(scrubber, inner, depth));
        }

        copy = clone;
        return true;
    }

    private static Exception ScrubInner(PiiScrubber scrubber, Exception inner, int depth)
        => HoldsPersonalData(scrubber, inner, depth + 1) ? Copy(scrubber, inner, depth + 1) : inner;
}
