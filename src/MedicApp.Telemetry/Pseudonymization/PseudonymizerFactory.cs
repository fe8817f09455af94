using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MedicApp.Telemetry;

/// <summary>Builds the <see cref="Pseudonymizer"/> from validated options.</summary>
internal static class PseudonymizerFactory
{
    // Development only, and only while events stay local: a fixed, public key so pseudonyms are stable across runs on
    // a laptop. The validator refuses to start without a real key in any other case.
    private const string DevelopmentKeySeed = "MedicApp.Telemetry development pseudonymization key";

    public static Pseudonymizer Create(IOptions<MedicAppTelemetryOptions> options, IHostEnvironment? environment)
    {
        var settings = options.Value.Pseudonymization;
        if (string.IsNullOrWhiteSpace(settings.Key))
        {
            if (!MedicAppTelemetryOptionsValidator.MayUseDevelopmentKey(options.Value, environment))
            {
                throw new OptionsValidationException(
                    MedicAppTelemetryOptions.SectionName,
                    typeof(MedicAppTelemetryOptions),
                    ["MedicAppTelemetry:Pseudonymization:Key is required outside Development and whenever events go to Application Insights."]);
            }

            return new Pseudonymizer(SHA256.HashData(Encoding.UTF8.GetBytes(DevelopmentKeySeed)), PseudonymizationOptions.DevelopmentKeyId, settings.CacheSize);
        }

        return new Pseudonymizer(DecodeKey(settings.Key)!, settings.KeyId, settings.CacheSize);
    }

    public static byte[]? DecodeKey(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key.Trim(), buffer, out var written) ? buffer.AsSpan(0, written).ToArray() : null;
    }
}
