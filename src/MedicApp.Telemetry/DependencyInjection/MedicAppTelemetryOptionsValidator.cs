using System;
using System.Collections.Generic;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MedicApp.Telemetry;

/// <summary>Checks the options when the host starts, with messages that say what to set.</summary>
internal sealed class MedicAppTelemetryOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<MedicAppTelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, MedicAppTelemetryOptions options)
    {
        var failures = new List<string>();
        var pseudonymization = options.Pseudonymization;
        if (string.IsNullOrWhiteSpace(pseudonymization.Key))
        {
            if (SendsToApplicationInsights(options))
            {
                failures.Add(
                    "MedicAppTelemetry:Pseudonymization:Key is not set and events go to Application Insights: the fixed development key is public, " +
                    "so pseudonyms made with it could be reversed by anyone who reads them. Set MedicAppTelemetry__Pseudonymization__Key " +
                    $"to a base64 key of at least {Pseudonymizer.MinimumKeyLength} random bytes (for example the output of 'openssl rand -base64 32'), " +
                    "or remove the Application Insights connection string to keep events on the local sink.");
            }
            else if (!IsDevelopment(environment))
            {
                failures.Add(
                    $"MedicAppTelemetry:Pseudonymization:Key is not set and the environment is '{environment?.EnvironmentName ?? "unknown"}'. " +
                    "Outside Development identifiers are pseudonymized with a secret key: set MedicAppTelemetry__Pseudonymization__Key " +
                    $"to a base64 key of at least {Pseudonymizer.MinimumKeyLength} random bytes (for example the output of 'openssl rand -base64 32'), " +
                    "ideally as an App Service setting that references Key Vault: @Microsoft.KeyVault(SecretUri=https://<vault>.vault.azure.net/secrets/<name>/).");
            }
        }
        else if (PseudonymizerFactory.DecodeKey(pseudonymization.Key) is not { } key)
        {
            failures.Add("MedicAppTelemetry:Pseudonymization:Key is not valid base64: set it to a base64 key such as the output of 'openssl rand -base64 32'.");
        }
        else if (key.Length < Pseudonymizer.MinimumKeyLength)
        {
            failures.Add($"MedicAppTelemetry:Pseudonymization:Key has {key.Length} bytes once decoded: it needs at least {Pseudonymizer.MinimumKeyLength}.");
        }

        if (!Pseudonymizer.IsValidKeyId(pseudonymization.KeyId))
        {
            failures.Add($"MedicAppTelemetry:Pseudonymization:KeyId '{pseudonymization.KeyId}' is not valid: use 1 to {Pseudonymizer.MaxKeyIdLength} lower-case letters or digits, such as 'k2'.");
        }

        if (pseudonymization.CacheSize < 1)
        {
            failures.Add("MedicAppTelemetry:Pseudonymization:CacheSize must be at least 1.");
        }

        if (options.ApplicationInsights.QueueCapacity < 1)
        {
            failures.Add("MedicAppTelemetry:ApplicationInsights:QueueCapacity must be at least 1.");
        }

        if (options.ApplicationInsights.ShutdownTimeout <= TimeSpan.Zero)
        {
            failures.Add("MedicAppTelemetry:ApplicationInsights:ShutdownTimeout must be positive, such as 00:00:10.");
        }

        if (options.ApplicationInsights.FlushTimeout <= TimeSpan.Zero)
        {
            failures.Add("MedicAppTelemetry:ApplicationInsights:FlushTimeout must be positive, such as 00:00:30.");
        }

        if (options.Local.QueueCapacity < 1)
        {
            failures.Add("MedicAppTelemetry:Local:QueueCapacity must be at least 1.");
        }

        ValidateOutbox(options.Outbox, failures);

        if (options.ApplicationInsights.ResolveConnectionString() is { } connectionString)
        {
            var setting = options.ApplicationInsights.ConnectionStringSetting;
            foreach (var problem in ConnectionStringCheck.FindProblems(connectionString))
            {
                failures.Add($"The Application Insights connection string ({setting}) {problem}: copy it whole from the Application Insights resource (Overview, Connection String).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateOutbox(OutboxOptions outbox, List<string> failures)
    {
        if (outbox.PollInterval <= TimeSpan.Zero)
        {
            failures.Add("MedicAppTelemetry:Outbox:PollInterval must be positive, such as 00:00:05.");
        }

        if (outbox.ClaimDuration < TimeSpan.FromSeconds(5))
        {
            failures.Add("MedicAppTelemetry:Outbox:ClaimDuration must be at least 5 seconds (a delivery must fit in it), such as 00:00:30.");
        }
        else if (outbox.PollInterval > outbox.ClaimDuration / 2)
        {
            failures.Add(
                $"MedicAppTelemetry:Outbox:PollInterval ({outbox.PollInterval:c}) must be at most half of ClaimDuration ({outbox.ClaimDuration:c}): "
                + "delivered events are deleted at the latest on the next poll, and must be deleted before their claim expires or another instance sends them again.");
        }

        if (outbox.BatchSize is < 1 or > ApplicationInsightsEventSink.ExporterBatchSize)
        {
            failures.Add($"MedicAppTelemetry:Outbox:BatchSize must be between 1 and {ApplicationInsightsEventSink.ExporterBatchSize} (one exporter batch).");
        }

        if (outbox.MaxRetryDelay < TimeSpan.FromSeconds(1))
        {
            failures.Add("MedicAppTelemetry:Outbox:MaxRetryDelay must be at least 1 second, such as 00:00:30.");
        }
    }

    // The fixed development key is public: it may only make pseudonyms that stay on the developer's machine.
    internal static bool MayUseDevelopmentKey(MedicAppTelemetryOptions options, IHostEnvironment? environment)
        => IsDevelopment(environment) && !SendsToApplicationInsights(options);

    private static bool SendsToApplicationInsights(MedicAppTelemetryOptions options)
        => options.DefaultSinkReplacement is null && options.ApplicationInsights.ResolveConnectionString() is not null;

    internal static bool IsDevelopment(IHostEnvironment? environment)
        => environment is not null && string.Equals(environment.EnvironmentName, Environments.Development, StringComparison.OrdinalIgnoreCase);
}
