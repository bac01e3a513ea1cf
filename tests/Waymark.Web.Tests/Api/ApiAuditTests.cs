using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Auditing;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests.Api;

/// <summary>Every call is in the audit, with the integration as the actor, and every child it read is in that child's access history.</summary>
public abstract class ApiAuditTests(WaymarkTestHost host)
{
    [Fact]
    public async Task A_list_writes_one_call_and_one_read_per_child_returned()
    {
        var world = await ApiData.WorldAsync(host);
        var (integration, token) = await ApiData.NewIntegrationAsync(host, Role.Senco, world.Primary);

        Assert.Equal(HttpStatusCode.OK, (await ApiData.Client(host, token).GetAsync("/api/v1/children?pageSize=2")).StatusCode);

        await using var db = host.CreateDbContext();
        var actor = IntegrationActors.ActorId(integration.Id);
        var entries = await db.AuditEvents.Where(e => e.UserId == actor).OrderBy(e => e.Sequence).ToListAsync();
        var call = Assert.Single(entries, e => e.Action == AuditActions.ApiCall);
        Assert.Equal("GET /api/v1/children?pageSize=2 answered 200, 2 child record(s)", call.Detail);
        Assert.Equal("127.0.0.1", call.IpAddress);
        var reads = entries.Where(e => e.Action == AuditActions.ApiChildRead).ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Contains(r.ChildId!.Value, world.PrimaryRoll));
        Assert.Contains(AuditActions.ApiChildRead, AuditActions.ChildReads);
    }

    [Fact]
    public async Task Each_call_about_a_child_is_in_the_child_s_access_history_naming_the_integration()
    {
        var world = await ApiData.WorldAsync(host);
        var name = $"Capita One nightly sync {Guid.NewGuid().ToString("N")[..6]}";
        var (integration, token) = await ApiData.NewIntegrationAsync(host, Role.LaOfficer, name: name);
        var client = ApiData.Client(host, token);

        foreach (var path in new[] { "", "/attendance", "/suspensions" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/children/{world.AtSecondary.Id}{path}")).StatusCode);
        }

        await using (var db = host.CreateDbContext())
        {
            var actor = IntegrationActors.ActorId(integration.Id);
            Assert.Equal(3, await db.AuditEvents.CountAsync(e => e.UserId == actor && e.Action == AuditActions.ApiCall));
            var reads = await db.AuditEvents.Where(e => e.UserId == actor && e.Action == AuditActions.ApiChildRead).Select(e => new { e.ChildId, e.Detail }).ToListAsync();
            Assert.Equal(3, reads.Count);
            Assert.All(reads, r => Assert.Equal(world.AtSecondary.Id, r.ChildId));
            Assert.Contains(reads, r => r.Detail!.StartsWith($"API: attendance {Domain.Calendar.AcademicYear.Containing(TestWorld.Today)}", StringComparison.Ordinal));
            Assert.True((await AuditChain.VerifyAsync(db)).Intact);
        }

        var admin = await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));
        var history = await (await admin.GetAsync($"/audit/children/{world.AtSecondary.Id}")).GetDocumentAsync();
        var rows = history.QuerySelectorAll("#entries tr[data-action='api-child-read']");
        Assert.True(rows.Length >= 3);
        Assert.Contains($"{name} (API integration)", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("LA officer", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Read the child's record through the API", rows[0].TextContent, StringComparison.Ordinal);

        // A subject access bundle names the integration too.
        var bundle = await admin.PostFormAsync($"/admin/subject-access/{world.AtSecondary.Id}", new() { ["Reference"] = "SAR-API-1" });
        await using var stream = await bundle.Content.ReadAsStreamAsync();
        using var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("access-history.csv")!.Open());
        var csv = await reader.ReadToEndAsync();
        Assert.Contains($"{name} (API integration),LA officer,api-child-read", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_integration_s_activity_is_on_the_audit_screens_and_its_bulk_reads_are_not_unusual_access()
    {
        var world = await ApiData.WorldAsync(host);
        var (integration, token) = await ApiData.NewIntegrationAsync(host, Role.LaOfficer);
        await ApiData.Client(host, token).GetAsync($"/api/v1/children/{world.Known.Id}");
        var actor = IntegrationActors.ActorId(integration.Id);

        var guardian = await host.SignedInClientAsync(TestWorld.EmailFor(Role.CaldicottGuardian));
        var activity = await guardian.GetAsync($"/audit/users/{Uri.EscapeDataString(actor)}");
        var page = await activity.GetDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, activity.StatusCode);
        Assert.Equal(integration.Name, page.QuerySelector("#user-name")!.TextContent);
        Assert.Contains("Another system calling the API", page.QuerySelector("#user")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll("#entries tr[data-action='api-call']"));
        Assert.Equal(HttpStatusCode.NotFound, (await guardian.GetAsync($"/audit/users/{Uri.EscapeDataString(IntegrationActors.ActorId(Guid.NewGuid()))}")).StatusCode);

        // A night's bulk reads by the integration: more than 30 children in minutes, out of hours. People doing this are reported; an integration is not.
        var yesterday = TestWorld.Today.AddDays(-1);
        var night = DateTime.SpecifyKind(yesterday.ToDateTime(new TimeOnly(2, 0)), DateTimeKind.Utc);
        await using (var db = host.CreateDbContext())
        {
            for (var i = 0; i < 40; i++)
            {
                db.AuditEvents.Add(new AuditEvent { OccurredAtUtc = night.AddSeconds(i), UserId = actor, Action = AuditActions.ApiChildRead, ChildId = Guid.NewGuid(), Detail = "API: child record" });
            }

            await db.SaveChangesAsync();
        }

        var day = $"From.Day={yesterday.Day}&From.Month={yesterday.Month}&From.Year={yesterday.Year}&To.Day={yesterday.Day}&To.Month={yesterday.Month}&To.Year={yesterday.Year}";
        var unusual = await guardian.GetAsync($"/audit/unusual-access?{day}");
        var html = await unusual.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, unusual.StatusCode);
        Assert.DoesNotContain(Uri.EscapeDataString(actor), html, StringComparison.Ordinal);
        Assert.DoesNotContain("A user no longer on the system", html, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApiAuditTestsOnSqlite(SqliteHost fixture) : ApiAuditTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class ApiAuditTestsOnPostgres(PostgresHost fixture) : ApiAuditTests(fixture.Host);
