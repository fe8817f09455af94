using MedicApp.Api.Data;
using MedicApp.Api.Features.Signatures;
using MedicApp.Api.Infrastructure;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MedicApp.Api.Tests.Hosting;

/// <summary>
/// The reference API on a database of its own, with a fake clock and the SDK's in-memory sink (strict mode): tests read
/// the exact events and properties that would have been sent.
/// </summary>
internal sealed class ApiHost : WebApplicationFactory<Program>
{
    public const string InternalKey = "test-internal-key-0123456789abcdef";
    public const string WebhookSecret = "test-webhook-secret-0123456789";

    /// <summary>The password of every staff account of the tests.</summary>
    public const string StaffPassword = "staff password for the tests";

    /// <summary>The staff of the tests: one per clinic, and a practitioner of each clinic.</summary>
    public static readonly (string Login, string Role, string Clinic, string? Practitioner)[] StaffAccounts =
    [
        ("desk@clinic-paris-8.example.fr", "ClinicStaff", "clinic-paris-8", null),
        ("desk@clinic-lyon-2.example.fr", "ClinicStaff", "clinic-lyon-2", null),
        ("prac-0001@clinic-paris-8.example.fr", "Practitioner", "clinic-paris-8", "prac-0001"),
        ("prac-0003@clinic-lyon-2.example.fr", "Practitioner", "clinic-lyon-2", "prac-0003"),
    ];

    private const string Unlimited = "1000000";

    /// <summary>A Tuesday morning, so that the next days hold slots.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _inMemoryEvents;
    private readonly ErrorLogCollector _errorLogs = new();

    private ApiHost(TestDatabase database, Dictionary<string, string?> settings, Action<IServiceCollection>? services, bool inMemoryEvents)
    {
        _database = database;
        _settings = settings;
        _services = services;
        _inMemoryEvents = inMemoryEvents;
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public DatabaseProvider Provider => _database.Provider;

    public InMemoryEventSink Events => Services.GetRequiredService<InMemoryEventSink>();

    public DevelopmentOutbox Outbox => Services.GetRequiredService<DevelopmentOutbox>();

    /// <summary>
    /// Starts a host; <paramref name="settings"/> override the test defaults (null removes one), and
    /// <paramref name="services"/> changes the API's services after its own registrations. Without
    /// <paramref name="inMemoryEvents"/>, events go where the API's configuration sends them, as in production.
    /// </summary>
    public static async Task<ApiHost> StartAsync(
        DatabaseProvider provider = DatabaseProvider.Sqlite,
        IDictionary<string, string?>? settings = null,
        bool kestrel = false,
        Action<IServiceCollection>? services = null,
        bool inMemoryEvents = true)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:MedicApp"] = database.ConnectionString,
            ["INTERNAL_JOBS_KEY"] = InternalKey,
            ["Yousign:WebhookSecret"] = WebhookSecret,
            ["MedicAppTelemetry:ApplicationInsights:ConnectionString"] = "",
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "",
            ["Logging:LogLevel:Default"] = "Warning",

            // The tests move the clock by days at once. The in-memory sink has an event as soon as its unit of work
            // commits, and its outbox row is deleted just after, in the background: a claim shorter than the clock's
            // jumps would let the dispatcher send a row not deleted yet a second time.
            ["MedicAppTelemetry:Outbox:ClaimDuration"] = "3650.00:00:00",

            // The rate limits per client address have tests of their own (RateLimitTests); the others send far more
            // from one address than a person would.
            ["RateLimits:Login:PermitLimit"] = Unlimited,
            ["RateLimits:Mfa:PermitLimit"] = Unlimited,
            ["RateLimits:Refresh:PermitLimit"] = Unlimited,
            ["RateLimits:Registration:PermitLimit"] = Unlimited,
            ["RateLimits:Verification:PermitLimit"] = Unlimited,

            // As the outbox's claim: sessions outlive the clock's jumps of days (SessionTests tests their lifetimes).
            ["Auth:AccessTokenLifetime"] = "3650.00:00:00",
            ["Auth:SessionLifetime"] = "3650.00:00:00",
        };
        for (var i = 0; i < StaffAccounts.Length; i++)
        {
            var (login, role, clinic, practitioner) = StaffAccounts[i];
            all[$"Staff:Accounts:{i}:Login"] = login;
            all[$"Staff:Accounts:{i}:Password"] = StaffPassword;
            all[$"Staff:Accounts:{i}:Role"] = role;
            all[$"Staff:Accounts:{i}:ClinicId"] = clinic;
            all[$"Staff:Accounts:{i}:PractitionerId"] = practitioner;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                all.Remove(key);
            }
            else
            {
                all[key] = value;
            }
        }

        var host = new ApiHost(database, all, services, inMemoryEvents);
        if (kestrel)
        {
            host.UseKestrel(0);
            host.StartServer();
        }
        else
        {
            _ = host.Server;
        }

        return host;
    }

    /// <summary>Runs <paramref name="action"/> on a fresh context, for arranging and checking rows directly.</summary>
    public async Task<T> WithDbAsync<T>(Func<MedicAppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<MedicAppDbContext>());
    }

    public Task<int> CountAsync<TEntity>()
        where TEntity : class
        => WithDbAsync(static db => db.Set<TEntity>().CountAsync());

    public FakeYousignClient Yousign => Services.GetRequiredService<FakeYousignClient>();

    /// <summary>Gets the log records at error level or above so far.</summary>
    public IReadOnlyList<ErrorLog> ErrorLogs => _errorLogs.Errors;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // As host settings, so that what the API reads while registering its services (the Application Insights
        // connection string) sees them too; as application configuration, so that they win over appsettings.json.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.AddProvider(_errorLogs));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            if (_inMemoryEvents)
            {
                services.AddMedicAppTelemetry().UseInMemorySink();
            }

            _services?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
