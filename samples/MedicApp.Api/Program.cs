using System.Text.Json;
using System.Text.Json.Serialization;
using MedicApp.Api.Features.Patients;
using MedicApp.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddMedicAppTelemetry(builder.Configuration.GetSection(MedicAppTelemetryOptions.SectionName));
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(static o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower)));

// Bad input is a 400 with a problem-details body in every environment, never a 500.
builder.Services.Configure<RouteHandlerOptions>(static o => o.ThrowOnBadRequest = false);

var app = builder.Build();
app.UseExceptionHandler();
app.MapGet("/health", static () => Results.Ok(new { status = "healthy" }));
app.MapPatients();
app.Run();
