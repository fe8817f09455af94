using System;
using Xunit;

namespace MedicApp.Telemetry.Tests.Scrubbing;

public sealed class PiiScrubberTests
{
    [Theory]
    // Emails, plain, in sentences, percent-encoded in URLs, with sub-addresses and accents.
    [InlineData("contact: jeanne.martin@example.fr.", "contact: [email].")]
    [InlineData("Envoi à <jean-luc.o'neil+rdv@mail.example.co.uk> échoué", "Envoi à <[email]> échoué")]
    [InlineData("GET /patients?email=jeanne.martin%40example.fr&page=2", "GET /patients?email=[email]&page=2")]
    [InlineData("user 0612345678@sms.example.fr", "user [email]")]
    [InlineData("josé.garcía@exemple.fr a écrit", "[email] a écrit")]
    // French phones in every common writing.
    [InlineData("Appeler le 06 12 34 56 78 demain", "Appeler le [phone] demain")]
    [InlineData("tel=06.12.34.56.78", "tel=[phone]")]
    [InlineData("tel: 06-12-34-56-78", "tel: [phone]")]
    [InlineData("tel 0612345678", "tel [phone]")]
    [InlineData("phone +33 6 12 34 56 78", "phone [phone]")]
    [InlineData("phone +33612345678", "phone [phone]")]
    [InlineData("phone +33 (0)6 12 34 56 78", "phone [phone]")]
    [InlineData("phone 0033 6 12 34 56 78", "phone [phone]")]
    [InlineData("UK +44 20 7946 0958", "UK [phone]")]
    // Numbers in URLs, their spaces encoded as %20 or +, their + as %2B.
    [InlineData("/sms?phone=06%2012%2034%2056%2078&lang=fr", "/sms?phone=[phone]&lang=fr")]
    [InlineData("/sms?q=appeler%2006%2012%2034%2056%2078", "/sms?q=appeler%20[phone]")]
    [InlineData("/sms?phone=06+12+34+56+78", "/sms?phone=[phone]")]
    [InlineData("/sms?phone=%2B33%206%2012%2034%2056%2078", "/sms?phone=[phone]")]
    [InlineData("/check?nir=2%2084%2005%2075%20123%20456%2072", "/check?nir=[nir]")]
    [InlineData("/pay?iban=FR76+3000+6000+0112+3456+7890+189", "/pay?iban=[iban]")]
    [InlineData("/pay?card=4970%201012%203456%207893", "/pay?card=[card]")]
    [InlineData("Cookie .AspNetCore.Session=CfDJ8Nq0xLmA9; path=/", "Cookie .AspNetCore.Session=[secret]; path=/")]
    [InlineData("cookies: auth_cookie=abc123XYZ; theme=dark", "cookies: auth_cookie=[secret]; theme=dark")]
    // NIR, spaced or not, Corsica, checked by its key.
    [InlineData("NIR 1 85 05 78 006 084 91 reçu", "NIR [nir] reçu")]
    [InlineData("nir=185057800608491", "nir=[nir]")]
    [InlineData("NIR 2 69 05 2A 004 012 28", "NIR [nir]")]
    // IBANs, grouped or not, checked by mod 97.
    [InlineData("IBAN FR76 3000 6000 0112 3456 7890 189 débité", "IBAN [iban] débité")]
    [InlineData("iban=FR7630006000011234567890189", "iban=[iban]")]
    [InlineData("DE89 3704 0044 0532 0130 00", "[iban]")]
    // Cards, grouped or not, Luhn and issuer prefix.
    [InlineData("card 4970 1012 3456 7893 refused", "card [card] refused")]
    [InlineData("card 4111-1111-1111-1111", "card [card]")]
    [InlineData("pan=4111111111111111", "pan=[card]")]
    [InlineData("amex 378282246310005", "amex [card]")]
    // IP addresses.
    [InlineData("from 203.0.113.9:443", "from [ip]:443")]
    [InlineData("client 2001:db8:85a3::8a2e:370:7334 connected", "client [ip] connected")]
    [InlineData("bind [::1]:5080", "bind [[ip]]:5080")]
    [InlineData("peer fe80::1ff:fe23:4567:890a", "peer [ip]")]
    [InlineData("mapped ::ffff:192.0.2.1 ok", "mapped [ip] ok")]
    // Tokens and secrets.
    [InlineData("Authorization: Bearer abcdef0123456789xyz", "Authorization: Bearer [secret]")]
    [InlineData("sent bearer abcdef0123456789xyz.", "sent bearer [token]")]
    [InlineData("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c end", "jwt [token] end")]
    [InlineData("GET /callback?code=Xy12ab&state=active", "GET /callback?code=[secret]&state=active")]
    [InlineData("/login?password=hunter2&user_name=x", "/login?password=[secret]&user_name=x")]
    [InlineData("{\"access_token\":\"abc.def\",\"expires_in\":3600}", "{\"access_token\":\"[secret]\",\"expires_in\":3600}")]
    [InlineData("https://st.blob.core.windows.net/c/f.pdf?sv=2022&sig=AbC%2Bd%3D", "https://st.blob.core.windows.net/c/f.pdf?sv=2022&sig=[secret]")]
    [InlineData("Authorization: Basic dXNlcjpwYXNz", "Authorization: Basic [secret]")]
    [InlineData("mfa_code=123456 sent", "mfa_code=[secret] sent")]
    [InlineData("2026-11-24 06 12 34 56 78", "2026-11-24 [phone]")]
    [InlineData("2026-11-24T09:14:03.221Z jeanne@example.fr", "2026-11-24T09:14:03.221Z [email]")]
    [InlineData("14:30 +33 6 12 34 56 78", "14:30 [phone]")]
    [InlineData("09:14:03,221+01:00 203.0.113.9", "09:14:03,221+01:00 [ip]")]
    [InlineData("12:34::1 joined", "[ip] joined")]
    [InlineData("12:34:56:78:9a:bc:de:f0", "[ip]")]
    // Values in a URL path, followed by another segment, percent-encoded or not.
    [InlineData("GET /patients/0698765432/medical-file", "GET /patients/[phone]/medical-file")]
    [InlineData("GET /patients/06%2098%2076%2054%2032/journey/completion", "GET /patients/[phone]/journey/completion")]
    [InlineData("GET /patients/06 98 76 54 32/journey/completion", "GET /patients/[phone]/journey/completion")]
    [InlineData("/x/+33%207%2081%2023%2045%2067/y", "/x/[phone]/y")]
    [InlineData("/x/+33 7 81 23 45 67/y", "/x/[phone]/y")]
    [InlineData("/n/1%2085%2005%2078%20006%20084%2091/z", "/n/[nir]/z")]
    [InlineData("/n/1 85 05 78 006 084 91/z", "/n/[nir]/z")]
    [InlineData("/i/FR76%203000%206000%200112%203456%207890%20189/z", "/i/[iban]/z")]
    [InlineData("/i/FR76 3000 6000 0112 3456 7890 189/z", "/i/[iban]/z")]
    [InlineData("/c/5555%205555%205555%204444/z", "/c/[card]/z")]
    [InlineData("/c/5555 5555 5555 4444/z", "/c/[card]/z")]
    [InlineData("/ip/203.0.113.77/ping", "/ip/[ip]/ping")]
    [InlineData("/p/2001:db8:85a3::8a2e:370:7334/journey", "/p/[ip]/journey")]
    [InlineData("/u/jeanne.martin%40example.fr/prefs", "/u/[email]/prefs")]
    public void Scrub_ReplacesPersonalValues(string text, string expected)
        => Assert.Equal(expected, PiiScrubber.Default.Scrub(text));

    [Theory]
    [InlineData("2026-11-23T22:40:22.713Z request took 123 ms")]
    [InlineData("HTTP 500 after 30s, retry 3/5")]
    [InlineData("order 3f2c1e4a-9b7d-4c1e-8f2a-0b1c2d3e4f50 created")]
    [InlineData("version 10.0.11, runtime 10.0.100-rc.1")]
    [InlineData("amount 1 234,56 EUR, total 99.90 €")]
    [InlineData("ref CMD-2024-000123, invoice 2024/11/0042")]
    [InlineData("appointment at 14:30 on 23/11/2026, slot 12")]
    [InlineData("System.InvalidOperationException at MedicApp.Api.Features::Handle() line 42")]
    [InlineData("order number 1234567890123456 shipped")]
    [InlineData("error_code=500 status_code=200 zip_code=75001")]
    [InlineData("Clinique SIRET 44306184100047 synchronisée, SIREN 552081317")]
    [InlineData("RPPS 10003456789 vérifié")]
    [InlineData("state=signed journey=reflection_period")]
    [InlineData("elapsed 00:00:01.2345678")]
    [InlineData("window 2026-11-24 09:00-10:00, 9:05, 23:59:60Z, 1999-12-31T23:59:59+14:00")]
    [InlineData("patient_id=k1:7d33a527d5111cf1c8ceeba860b5c9be")]
    [InlineData("MAC 00:1A:2B:3C:4D:5E port 8080")]
    [InlineData("count=0612 pages, 06 12 34 ok")]
    // Look-alikes in URL paths.
    [InlineData("GET /archive/2026/11/24/report.pdf")]
    [InlineData("GET /patients/3f2c1e4a-9b7d-4c1e-8f2a-0b1c2d3e4f50/medical-file")]
    [InlineData("GET /api/v10.0.11/status and /api/1.2/health")]
    [InlineData("GET /orders/CMD-2024-000123/lines/12")]
    [InlineData("GET /clinics/44306184100047/rooms/3")]
    [InlineData("GET /orders/1234567890123456/invoice")]
    [InlineData("GET /blobs/sha/7d33a527d5111cf1c8ceeba860b5c9be/content")]
    [InlineData("GET /slots/2026-11-24T09:00:00Z/book")]
    public void Scrub_KeepsHarmlessText(string text)
        => Assert.Same(text, PiiScrubber.Default.Scrub(text));
}
