using System;
using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;

namespace MedicApp.Telemetry;

/// <summary>
/// Gives the exporter an exception whose messages, and those of its inner exceptions, hold no personal value. The
/// application's exception is never changed: a copy of the same type, with the same stack trace, gets the scrubbed
/// messages, so the <c>exceptions</c> table keeps its types, problem ids and frames.
/// </summary>
/// <remarks>
/// No public API makes an exception of a given type with another message, and the exporter reads the type, message and
/// frames from the exception object itself. The copy is therefore made through <see cref="UnsafeAccessorAttribute"/>:
/// <c>MemberwiseClone</c> and the runtime's message and inner-exception fields, bound by the compiler and the trimmer
/// like any call, without reflection, in trimmed and Native AOT applications alike. A runtime that renamed a field
/// would make its accessor throw <see cref="MissingFieldException"/>: the exception then becomes a
/// <see cref="ScrubbedException"/> stand-in, and ExceptionScrubbingTests, which expect copies of the original types,
/// fail.
/// </remarks>
internal static class ExceptionScrubbing
{
    // Deeper chains are cut: the exporter sends the first ten exceptions of a tree anyway.
    private const int MaxDepth = 16;

    /// <summary>Returns <paramref name="exception"/> itself when no message in its tree is personal, a scrubbed copy otherwise.</summary>
    public static Exception Scrub(ITextScrubber scrubber, Exception exception) => Scrub(scrubber, exception, 0);

    // Inner exceptions first, each returned as it is when clean: every message of the tree is read once.
    private static Exception Scrub(ITextScrubber scrubber, Exception exception, int depth)
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
            return innersChanged || scrubber.WouldChange(OwnMessage(exception) ?? exception.Message)
                ? Copy(scrubber, exception, inners)
                : exception;
        }

        var inner = exception.InnerException is { } single ? Scrub(scrubber, single, depth + 1) : null;
        return !ReferenceEquals(inner, exception.InnerException) || scrubber.WouldChange(exception.Message)
            ? Copy(scrubber, exception, inner is null ? [] : [inner])
            : exception;
    }

    private static Exception Copy(ITextScrubber scrubber, Exception exception, Exception[] inners)
    {
        Exception copy;
        try
        {
            copy = (Exception)Clone(exception);
            if (MessageField(exception) is { } message)
            {
                MessageField(copy) = scrubber.Scrub(message);
            }

            InnerExceptionField(copy) = inners.Length > 0 ? inners[0] : null;
            if (copy is AggregateException aggregate)
            {
                InnerExceptionsField(aggregate) = inners;
                InnerExceptionsViewField(aggregate) = null;
            }
        }
        catch (MemberAccessException)
        {
            return StandIn(scrubber, exception);
        }

        // A type whose Message shows more than its message field (an out-of-range value, a file name) cannot be
        // copied safely.
        return scrubber.WouldChange(copy.Message) ? StandIn(scrubber, exception) : copy;
    }

    private static string? OwnMessage(Exception exception)
    {
        try
        {
            return MessageField(exception);
        }
        catch (MemberAccessException)
        {
            return null;
        }
    }

    private static ScrubbedException StandIn(ITextScrubber scrubber, Exception exception)
        => new(exception.GetType(), scrubber.Scrub(exception.Message));

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "MemberwiseClone")]
    private static extern object Clone(object instance);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_message")]
    private static extern ref string? MessageField(Exception exception);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_innerException")]
    private static extern ref Exception? InnerExceptionField(Exception exception);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_innerExceptions")]
    private static extern ref Exception[] InnerExceptionsField(AggregateException exception);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_rocView")]
    private static extern ref ReadOnlyCollection<Exception>? InnerExceptionsViewField(AggregateException exception);
}
