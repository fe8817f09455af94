using System;
using System.Collections.Generic;

namespace MedicApp.Telemetry;

/// <summary>
/// Reads an Application Insights connection string as the Azure Monitor exporter will, so that a string the exporter
/// would refuse stops the host at start instead of failing when the first event is tracked.
/// </summary>
/// <remarks>
/// The exporter's rules (Azure.Core's connection string parser, then its own): <c>key=value</c> segments separated by
/// <c>;</c>, no empty segment but a trailing one, no key twice (keys ignore case), an <c>InstrumentationKey</c>, and
/// endpoints that make absolute URIs. The instrumentation key must also be a GUID, as every resource's is. Messages name
/// the key and what is wrong, never the instrumentation key itself.
/// </remarks>
internal static class ConnectionStringCheck
{
    /// <summary>The key the sink adds to have a transmitter of its own; a connection string may not carry it.</summary>
    public const string DedicatedTransmitterKeyword = "MedicAppTelemetry";

    public static List<string> FindProblems(string connectionString)
    {
        var problems = new List<string>();
        var pairs = ReadPairs(connectionString, problems);
        if (!pairs.TryGetValue("InstrumentationKey", out var instrumentationKey))
        {
            problems.Add("has no InstrumentationKey");
        }
        else if (!Guid.TryParse(instrumentationKey, out _))
        {
            problems.Add("has an InstrumentationKey that is not a GUID");
        }

        CheckEndpoint(pairs, "IngestionEndpoint", problems);
        CheckEndpoint(pairs, "LiveEndpoint", problems);
        if (pairs.TryGetValue("Location", out var location) && !IsAlphanumeric(location.Trim().TrimEnd('.')))
        {
            problems.Add($"has Location '{Shorten(location)}', which is not an Azure region name (letters and digits only)");
        }

        if (!pairs.ContainsKey("IngestionEndpoint") && pairs.TryGetValue("EndpointSuffix", out var suffix)
            && !Uri.TryCreate("https://dc." + suffix.Trim().TrimStart('.'), UriKind.Absolute, out _))
        {
            problems.Add($"has EndpointSuffix '{Shorten(suffix)}', which does not make a host name");
        }

        if (pairs.ContainsKey(DedicatedTransmitterKeyword))
        {
            problems.Add($"has a {DedicatedTransmitterKeyword} key, which MedicApp.Telemetry adds itself");
        }

        return problems;
    }

    /// <summary>Returns the instrumentation key of a connection string, or null when it has none.</summary>
    public static string? InstrumentationKey(string connectionString)
        => ReadPairs(connectionString, problems: []).GetValueOrDefault("InstrumentationKey");

    private static Dictionary<string, string> ReadPairs(string connectionString, List<string> problems)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = connectionString.Trim().TrimEnd(';').Split(';');
        foreach (var segment in segments)
        {
            var separator = segment.IndexOf('=', StringComparison.Ordinal);
            var key = separator < 0 ? segment.Trim() : segment[..separator].Trim();
            var value = separator < 0 ? string.Empty : segment[(separator + 1)..].Trim();
            if (segment.Trim().Length == 0)
            {
                problems.Add("has an empty segment (';;' or a leading ';')");
            }
            else if (separator < 0)
            {
                problems.Add(Guid.TryParse(key, out _)
                    ? "is a GUID alone: the key is written InstrumentationKey=<GUID>"
                    : $"has a segment without '=' ('{Shorten(key)}')");
            }
            else if (key.Length == 0)
            {
                problems.Add("has a value without a key ('=…')");
            }
            else if (value.Length == 0)
            {
                problems.Add($"has {key} without a value");
            }
            else if (!pairs.TryAdd(key, value))
            {
                problems.Add($"has {key} twice");
            }
        }

        return pairs;
    }

    private static void CheckEndpoint(Dictionary<string, string> pairs, string key, List<string> problems)
    {
        if (pairs.TryGetValue(key, out var value)
            && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            problems.Add($"has {key} '{Shorten(value)}', which is not an absolute http or https URI");
        }
    }

    private static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;

    private static bool IsAlphanumeric(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
