using MedicApp.Telemetry;

namespace MedicApp.Api.Features.Patients;

/// <summary>Patient registration (LOG-11).</summary>
internal static class PatientEndpoints
{
    public static IEndpointRouteBuilder MapPatients(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/patients", static (RegisterPatientRequest request, EventTracker tracker) =>
        {
            if (string.IsNullOrWhiteSpace(request.Email))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["The email is required."] });
            }

            var patientId = Guid.NewGuid().ToString("D");
            tracker.PatientRegistered(patientId, request.Channel ?? ClientChannel.Web, request.Locale);
            return Results.Created($"/patients/{patientId}", new { id = patientId });
        });
        return routes;
    }
}

/// <summary>The registration form: the email is used to create the account and never reaches telemetry.</summary>
internal sealed record RegisterPatientRequest(string? Email, ClientChannel? Channel, string? Locale);
