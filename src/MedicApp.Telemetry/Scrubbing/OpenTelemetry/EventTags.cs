using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;

namespace MedicApp.Telemetry;

/// <summary>
/// Changes a tag of a span event. Events are immutable, but keep the tag collection they were created with: an
/// <see cref="ActivityTagsCollection"/>, or the runtime's own list for <c>Activity.AddException</c>, whose public
/// <c>Set</c> method is what <c>Activity.SetTag</c> uses.
/// </summary>
internal static class EventTags
{
    private static readonly ConcurrentDictionary<Type, MethodInfo?> Setters = new();

    public static void Set(IEnumerable<KeyValuePair<string, object?>> tags, KeyValuePair<string, object?> tag)
    {
        if (tags is ActivityTagsCollection collection)
        {
            collection[tag.Key] = tag.Value;
            return;
        }

        var setter = Setters.GetOrAdd(tags.GetType(), static type => type.GetMethod("Set", BindingFlags.Instance | BindingFlags.Public, [typeof(KeyValuePair<string, object?>)]));
        if (setter is null)
        {
            throw new NotSupportedException($"The tags of this span event ({tags.GetType()}) cannot be changed.");
        }

        setter.Invoke(tags, [tag]);
    }
}
