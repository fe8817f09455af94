using System.Net;
using MedicApp.Api.Data;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;
using Microsoft.EntityFrameworkCore;

namespace MedicApp.Api.Features.Lookup;

/// <summary>
/// Turns pseudonyms back into records. Pseudonyms are keyed hashes and cannot be reversed, so the lookup computes the
/// pseudonym of every patient and account id with the API's key, one HMAC each, and keeps those asked for; client
/// addresses, which the API never stores, can only be confirmed from candidates. Every lookup is audited by
/// <c>internal_pseudonym_lookup</c>.
/// </summary>
internal sealed class PseudonymLookup(MedicAppDbContext db, Pseudonymizer pseudonymizer, EventTracker tracker)
{
    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    private const string UnknownDetail =
        "No patient, account or given address has this pseudonym: a client address not given in addresses, a login that " +
        "matches no account (auth_login_failure with reason unknown_account), an appointment, prescription or practitioner, " +
        "or a record deleted since.";

    public async Task<LookupAnswer> LookUpAsync(IReadOnlyList<string> pseudonyms, IReadOnlyList<IPAddress> addresses, CancellationToken cancellationToken)
    {
        var asked = pseudonyms.Distinct(StringComparer.Ordinal).ToList();
        var wanted = asked.Where(IsOfThisKey).ToHashSet(StringComparer.Ordinal);

        var addressOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var address in addresses)
        {
            foreach (var form in ClientForms(address))
            {
                var pseudonym = pseudonymizer.Pseudonymize(form);
                if (wanted.Contains(pseudonym))
                {
                    addressOf.TryAdd(pseudonym, address.ToString());
                }
            }
        }

        wanted.ExceptWith(addressOf.Keys);
        var patientIds = await MatchAsync(db.Patients.Select(static p => p.Id), wanted, cancellationToken);
        wanted.ExceptWith(patientIds.Keys);
        var accountIds = await MatchAsync(db.Accounts.Select(static a => a.Id), wanted, cancellationToken);

        var accountsFound = accountIds.Values.ToList();
        var patientsFound = patientIds.Values.Select(static id => (Guid?)id).ToList();
        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => accountsFound.Contains(a.Id) || patientsFound.Contains(a.PatientId))
            .ToListAsync(cancellationToken);
        var patientsToRead = patientIds.Values.Concat(accounts.Where(static a => a.PatientId is not null).Select(static a => a.PatientId!.Value)).Distinct().ToList();
        var patients = await db.Patients.AsNoTracking().Where(p => patientsToRead.Contains(p.Id)).ToDictionaryAsync(static p => p.Id, cancellationToken);

        var results = asked.Select(pseudonym =>
        {
            if (!IsOfThisKey(pseudonym))
            {
                return new LookupResult(pseudonym, LookupKind.OtherKey, Detail: $"Made with key '{KeyIdOf(pseudonym)}'; this API pseudonymizes with '{pseudonymizer.KeyId}' and cannot compute the other key's pseudonyms.");
            }

            if (addressOf.TryGetValue(pseudonym, out var address))
            {
                return new LookupResult(pseudonym, LookupKind.ClientAddress, Address: address);
            }

            if (patientIds.TryGetValue(pseudonym, out var patientId))
            {
                var account = accounts.SingleOrDefault(a => a.PatientId == patientId);
                return new LookupResult(pseudonym, LookupKind.Patient, patients.TryGetValue(patientId, out var patient) ? PatientRecord.Of(patient) : null, account is null ? null : AccountRecord.Of(account));
            }

            if (accountIds.TryGetValue(pseudonym, out var accountId) && accounts.SingleOrDefault(a => a.Id == accountId) is { } found)
            {
                var owner = found.PatientId is { } ownerId && patients.TryGetValue(ownerId, out var patient) ? PatientRecord.Of(patient) : null;
                return new LookupResult(pseudonym, LookupKind.Account, owner, AccountRecord.Of(found));
            }

            return new LookupResult(pseudonym, LookupKind.Unknown, Detail: UnknownDetail);
        }).ToList();

        tracker.InternalPseudonymLookup(
            asked.Count,
            results.Count(static r => r.Kind is LookupKind.Patient or LookupKind.Account),
            results.Count(static r => r.Kind is LookupKind.ClientAddress));
        return new LookupAnswer(pseudonymizer.KeyId, results);
    }

    /// <summary>Whether <paramref name="value"/> has the form of a pseudonym: a key id, a colon and 32 lower-case hex digits.</summary>
    public static bool IsPseudonym(string? value)
    {
        var colon = value?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0
            && Pseudonymizer.IsValidKeyId(value![..colon])
            && value.Length == colon + 33
            && value.AsSpan(colon + 1).IndexOfAnyExcept(LowerHex) < 0;
    }

    private static string KeyIdOf(string pseudonym) => pseudonym[..pseudonym.IndexOf(':', StringComparison.Ordinal)];

    private bool IsOfThisKey(string pseudonym) => KeyIdOf(pseudonym) == pseudonymizer.KeyId;

    // The address as ClientAddress.Of wrote it: an IPv4 client reaches a dual-stack socket as an IPv4-mapped IPv6 address.
    private static IEnumerable<string> ClientForms(IPAddress address)
    {
        yield return address.ToString();
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            yield return address.MapToIPv6().ToString();
        }
        else if (address.IsIPv4MappedToIPv6)
        {
            yield return address.MapToIPv4().ToString();
        }
    }

    // Streams the ids and stops once every pseudonym still wanted is found.
    private async Task<Dictionary<string, Guid>> MatchAsync(IQueryable<Guid> ids, HashSet<string> wanted, CancellationToken cancellationToken)
    {
        var matches = new Dictionary<string, Guid>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return matches;
        }

        await foreach (var id in ids.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var pseudonym = PseudonymOf(id);
            if (wanted.Contains(pseudonym) && matches.TryAdd(pseudonym, id) && matches.Count == wanted.Count)
            {
                break;
            }
        }

        return matches;
    }

    // Uncached: a scan of every id would otherwise evict the identifiers the tracker pseudonymizes on every event.
    private string PseudonymOf(Guid id)
    {
        Span<char> text = stackalloc char[36];
        id.TryFormat(text, out _, "D");
        return pseudonymizer.Pseudonymize(text);
    }
}
