using System;
using BenchmarkDotNet.Attributes;

namespace MedicApp.Telemetry.Benchmarks;

/// <summary>
/// <see cref="PiiScrubber"/> against one compiled regular expression per kind run in sequence, on 1 KB log text with
/// personal values and without any.
/// </summary>
[MemoryDiagnoser]
public class PiiScrubberBenchmarks
{
    private const string WithValues =
        "2026-11-24T09:14:03.221Z ERR MedicApp.Api.Features.Auth.LoginEndpoint[0] Login failed for jeanne.martin@example.fr " +
        "from 203.0.113.9 (attempt 4/5, reason=invalid_password) trace=4bf92f3577b34da6a3ce929d0e0e4736 " +
        "GET /patients/search?email=paul.durand%40example.com&phone=06%2012%2034%2056%2078&page=2 took 184 ms; " +
        "Npgsql.PostgresException (0x80004005): 23505: duplicate key value violates unique constraint \"ix_patients_nir\" " +
        "DETAIL: Key (nir)=(1 85 05 78 006 084 91) already exists. at MedicApp.Api.Features.Patients.RegisterEndpoint.HandleAsync() " +
        "Yousign webhook signature_request.done for request 9f1c2e4b-7a3d-4e5f-8b6a-0c1d2e3f4a5b, signer phone +33 6 12 34 56 78, " +
        "refund to IBAN FR76 3000 6000 0112 3456 7890 189 of 49,90 EUR, Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c " +
        "callback?code=Xy12ab&state=signed version 10.0.11 status 500 retry 3/5 order CMD-2024-000123 slot 14:30 on 23/11/2026.";

    private const string WithoutValues =
        "2026-11-24T09:14:03.221Z INF MedicApp.Api.Features.Appointments.BookEndpoint[0] Appointment 9f1c2e4b-7a3d-4e5f-8b6a-0c1d2e3f4a5b " +
        "booked for slot 14:30 on 23/11/2026 (kind=teleconsultation, practitioner=k1:7d33a527d5111cf1c8ceeba860b5c9be) in 184 ms; " +
        "HTTP POST /appointments responded 201 in 23.4 ms, retry 0/5, trace=4bf92f3577b34da6a3ce929d0e0e4736 span=00f067aa0ba902b7 " +
        "Microsoft.EntityFrameworkCore.Database.Command[20101] Executed DbCommand (3ms) [Parameters=[@p0='?' (DbType = Guid), " +
        "@p1='?' (DbType = DateTimeOffset)], CommandType='Text', CommandTimeout='30'] INSERT INTO appointments (id, starts_at) " +
        "VALUES (@p0, @p1); version 10.0.11 build 2026.11.24.3 order CMD-2024-000123 invoice 2024/11/0042 amount 1 234,56 EUR " +
        "journey state=signed -> reflection_period after 2.5 days, utilization 0.83 of 12 slots, status 200, elapsed 00:00:01.2345678 " +
        "System.TimeoutException: The operation has timed out. at System.Threading.Tasks.Task.WaitAsync() at MedicApp.Api.Jobs.ReflectionPeriodJob.RunAsync() line 42";

    [Params("with personal values", "without")]
    public string Text { get; set; } = "";

    private string _text = "";

    [GlobalSetup]
    public void SetUp()
    {
        _text = Text == "without" ? WithoutValues : WithValues;
        if (Text == "without" && PiiScrubber.Default.ContainsPersonalData(_text))
        {
            throw new InvalidOperationException("The text without personal values holds one: " + string.Join(", ", PiiScrubber.Default.FindAll(_text)));
        }
    }

    [Benchmark(Baseline = true)]
    public string RegexPerKind() => RegexPiiScrubber.Scrub(_text);

    [Benchmark]
    public string PiiScrubber_Scrub() => PiiScrubber.Default.Scrub(_text);
}
