using System.Text.Json;
using System.Text.Json.Serialization;
using MedicApp.Api.Data;
using MedicApp.Api.Features.Appointments;
using MedicApp.Api.Features.Auth;
using MedicApp.Api.Features.Auth.Access;
using MedicApp.Api.Features.Auth.RateLimits;
using MedicApp.Api.Features.Auth.Staff;
using MedicApp.Api.Features.Auth.Sessions;
using MedicApp.Api.Features.Drill;
using MedicApp.Api.Features.InternalJobs;
using MedicApp.Api.Features.Journey;
using MedicApp.Api.Features.Lookup;
using MedicApp.Api.Features.Patients;
using MedicApp.Api.Features.Prescriptions;
using MedicApp.Api.Features.Signatures;
using MedicApp.Api.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MedicApp.Api;

/// <summary>The API's composition: services, middleware and endpoints, shared by the server, the demo and the tests.</summary>
internal static class MedicAppApi
{
    /// <summary>Bodies larger than this are refused with 413: the largest request, a medical file, stays well under it.</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    public static WebApplicationBuilder AddMedicAppApi(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(static kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        // The database first: its schema is migrated before the telemetry outbox's dispatcher starts reading it.
        var services = builder.Services;
        services.AddMedicAppDatabase();
        builder.AddMedicAppTelemetryWiring();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<MedicAppDbContext>("database");
        services.ConfigureHttpJsonOptions(static o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        });

        // Bad input is a 4xx with a problem-details body in every environment, never a 500.
        services.Configure<RouteHandlerOptions>(static o => o.ThrowOnBadRequest = false);

        services.AddOptions<JourneyOptions>().BindConfiguration(JourneyOptions.SectionName);
        services.AddOptions<InternalJobOptions>().BindConfiguration(InternalJobOptions.SectionName)
            .Validate(static o => o.BatchSize is >= 1 and <= InternalJobOptions.MaxBatchSize, $"InternalJobs:BatchSize must be between 1 and {InternalJobOptions.MaxBatchSize}.")
            .ValidateOnStart();
        services.AddOptions<SignatureOptions>().BindConfiguration(SignatureOptions.SectionName);
        services.AddOptions<YousignOptions>().BindConfiguration(YousignOptions.SectionName);
        services.AddOptions<LockoutPolicy>().BindConfiguration(LockoutPolicy.SectionName);
        services.AddOptions<SessionPolicy>().BindConfiguration(SessionPolicy.SectionName)
            .Validate(static o => o.AccessTokenLifetime > TimeSpan.Zero && o.AccessTokenLifetime <= o.SessionLifetime, "Auth:AccessTokenLifetime must be positive and at most Auth:SessionLifetime.")
            .ValidateOnStart();

        // Sessions: ASP.NET Core's bearer tokens, accepted while their session is live (Features/Auth/Sessions).
        services.AddAuthentication(SessionAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null)
            .AddBearerToken();
        services.AddAccessPolicies();
        services.AddOptions<StaffAccountOptions>().BindConfiguration(StaffAccountOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StaffAccountOptions>, StaffAccountOptionsValidator>();
        services.AddHostedService<StaffAccountSeeder>();
        services.AddScoped<SessionIssuer>();
        services.AddAuthRateLimiting();
        services.AddOptions<SecretHashOptions>().BindConfiguration(SecretHashOptions.SectionName)
            .Validate(static o => o.Key is null || SecretHashOptions.TryDecode(o.Key, out _), SecretHashOptions.KeyRule)
            .ValidateOnStart();
        services.AddSingleton<SecretHash>();

        services.AddSingleton<DevelopmentOutbox>();
        services.AddOptions<DrillOptions>().BindConfiguration(DrillOptions.SectionName);
        services.AddSingleton<DrillMailbox>();

        // Drill contacts' messages stay in the drill's mailbox, whatever sends the others.
        services.AddSingleton<IMessageSender>(static sp => new DrillMessageSender(sp.GetRequiredService<DevelopmentOutbox>(), sp.GetRequiredService<DrillMailbox>()));
        services.AddSingleton<FakeYousignClient>();
        services.AddSingleton<IYousignClient>(static sp => sp.GetRequiredService<FakeYousignClient>());
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddScoped<SignatureCompletion>();
        services.AddScoped<ReflectionPeriodJob>();
        services.AddScoped<AbandonedJourneyJob>();
        services.AddScoped<PseudonymLookup>();
        return builder;
    }

    public static WebApplication UseMedicAppApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(static (context, next) =>
        {
            if (context.Request.ContentLength > MaxRequestBodyBytes)
            {
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.", detail: $"At most {MaxRequestBodyBytes} bytes.")
                    .ExecuteAsync(context);
            }

            return next(context);
        });

        app.Use(RequestCharset.InvokeAsync);
        // The fallback policy protects endpoints; a path that matches none is a 404 for everyone, with or without a session.
        app.Use(static (context, next) => context.GetEndpoint() is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such endpoint.").ExecuteAsync(context)
            : next(context));
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi().AllowAnonymousBecause("The API's description is public: it holds no data.");
        app.MapHealthChecks("/health", new() { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymousBecause("App Service's health probes call it without credentials; it says only whether the database answers.");

        // A request whose save lost a race on a versioned row runs again on what the winner saved.
        var api = app.MapGroup("").AddEndpointFilter<LostRaceRetry>();
        api.MapPatients();
        api.MapAuth();
        api.MapSignatures();
        api.MapAppointments();
        api.MapPrescriptions();
        api.MapJourney();
        api.MapInternalJobs();
        api.MapLookup();
        api.MapDrill();
        return app;
    }
}
