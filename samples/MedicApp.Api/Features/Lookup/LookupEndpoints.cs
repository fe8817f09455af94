using MedicApp.Api.Features.Auth.Access;
using System.Net;
using MedicApp.Api.Features.InternalJobs;
using MedicApp.Api.Infrastructure;

namespace MedicApp.Api.Features.Lookup;

/// <summary>
/// <c>POST /internal/lookup</c>: from an alert's pseudonyms to the patients and accounts a clinic may see, so that the
/// runbook's "contact the patient" or "warn the account's owner" can be done. Guarded by X-Internal-Key like the jobs.
/// </summary>
internal static class LookupEndpoints
{
    public static IEndpointRouteBuilder MapLookup(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/internal/lookup", LookUpAsync)
            .WithTags("Internal jobs")
            .AddEndpointFilter<InternalJobKeyFilter>()
            .AllowAnonymousBecause(InternalJobKeyFilter.AnonymousReason)
            .WithSummary("Turns pseudonyms from telemetry (patient_id, account_id, client_ip) into the records a clinic may see; audited by internal_pseudonym_lookup.");
        return routes;
    }

    private static async Task<IResult> LookUpAsync(LookupRequest? request, PseudonymLookup lookup, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation();
        var pseudonyms = request?.Pseudonyms ?? [];
        var given = request?.Addresses ?? [];
        if (pseudonyms.Length == 0)
        {
            validation.Add("pseudonyms", "The pseudonyms are required: at least one.");
        }

        if (pseudonyms.Length > LookupRequest.MaxItems || given.Length > LookupRequest.MaxItems)
        {
            foreach (var (field, count) in new[] { ("pseudonyms", pseudonyms.Length), ("addresses", given.Length) }.Where(static f => f.Item2 > LookupRequest.MaxItems))
            {
                validation.Add(field, $"At most {LookupRequest.MaxItems} per request, not {count}.");
            }

            return validation.ToProblem();
        }

        // The value is not repeated: whatever was pasted by mistake in place of a pseudonym stays out of the answer.
        for (var i = 0; i < pseudonyms.Length; i++)
        {
            if (!PseudonymLookup.IsPseudonym(pseudonyms[i]))
            {
                validation.Add($"pseudonyms[{i}]", "This is not a pseudonym: a key id, a colon and 32 lower-case hexadecimal digits, as in customDimensions.");
            }
        }

        var addresses = new List<IPAddress>(given.Length);
        for (var i = 0; i < given.Length; i++)
        {
            if (IPAddress.TryParse(given[i], out var address))
            {
                addresses.Add(address);
            }
            else
            {
                validation.Add($"addresses[{i}]", "This is not an IP address.");
            }
        }

        return validation.IsValid
            ? Results.Ok(await lookup.LookUpAsync(pseudonyms, addresses, cancellationToken))
            : validation.ToProblem();
    }
}
