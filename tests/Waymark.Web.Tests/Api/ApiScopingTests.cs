using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Entities;
using Waymark.Domain.Integrations;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests.Api;

/// <summary>What an integration sees is what a person in its role sees: its school's roll, or the children known to the LA's services.</summary>
public abstract class ApiScopingTests(WaymarkTestHost host)
{
    private static readonly string[] ChildPaths = ["", "/statuses", "/attendance", "/suspensions", "/reduced-timetables", "/transitions", "/early-help-plans"];

    [Fact]
    public async Task A_school_token_lists_its_roll_and_nobody_else()
    {
        var world = await ApiData.WorldAsync(host);
        var (_, token) = await ApiData.NewIntegrationAsync(host, Role.AttendanceLead, world.Primary);

        var page = await (await ApiData.Client(host, token).GetAsync("/api/v1/children?pageSize=100")).JsonAsync();

        Assert.Equal(world.PrimaryRoll.Order(), page.Ids().Order());
        Assert.Equal(3, page.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task An_LA_token_sees_the_children_known_to_services_at_every_school_and_no_others()
    {
        var world = await ApiData.WorldAsync(host);
        var (_, token) = await ApiData.NewIntegrationAsync(host, Role.LaOfficer);
        var client = ApiData.Client(host, token);

        var primary = await (await client.GetAsync($"/api/v1/children?schoolUrn={world.Primary.Urn}")).JsonAsync();
        var secondary = await (await client.GetAsync($"/api/v1/children?schoolUrn={world.Secondary.Urn}")).JsonAsync();

        Assert.Equal(new[] { world.Known.Id, world.Protected.Id }.Order(), primary.Ids().Order());
        Assert.Equal([world.AtSecondary.Id], secondary.Ids());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/children/{world.AtSecondary.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/children/{world.Unknown.Id}")).StatusCode);

        // The whole LA's list, every page of it (other tests' children share the database), holds the test world's
        // known children too, across schools.
        var all = new List<Guid>();
        for (var p = 1; ; p++)
        {
            var page = await (await client.GetAsync($"/api/v1/children?pageSize=100&page={p}")).JsonAsync();
            var ids = page.Ids();
            all.AddRange(ids);
            if (ids.Count == 0 || all.Count >= page.GetProperty("totalCount").GetInt32())
            {
                break;
            }
        }

        Assert.Contains(host.World.CaseloadChild.Id, all);
        Assert.Contains(world.AtSecondary.Id, all);
        Assert.DoesNotContain(world.Unknown.Id, all);
    }

    [Fact]
    public async Task A_status_filter_keeps_children_with_that_status_today()
    {
        var world = await ApiData.WorldAsync(host);
        var (_, token) = await ApiData.NewIntegrationAsync(host, Role.Headteacher, world.Primary);

        var page = await (await ApiData.Client(host, token).GetAsync("/api/v1/children?status=child-protection-plan")).JsonAsync();

        Assert.Equal([world.Protected.Id], page.Ids());
    }

    [Fact]
    public async Task Every_endpoint_answers_a_child_outside_the_scope_exactly_as_one_that_does_not_exist_and_audits_the_refusal()
    {
        var world = await ApiData.WorldAsync(host);
        var (integration, token) = await ApiData.NewIntegrationAsync(host, Role.Senco, world.Primary);
        var client = ApiData.Client(host, token);

        foreach (var path in ChildPaths)
        {
            var unseen = await client.GetAsync($"/api/v1/children/{world.AtSecondary.Id}{path}");
            var missing = await client.GetAsync($"/api/v1/children/{Guid.NewGuid()}{path}");
            var (a, b) = (await unseen.JsonAsync(), await missing.JsonAsync());

            Assert.Equal(HttpStatusCode.NotFound, unseen.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal(b.GetProperty("title").GetString(), a.GetProperty("title").GetString());
            Assert.Equal(b.GetProperty("detail").GetString(), a.GetProperty("detail").GetString());
            Assert.DoesNotContain("Sid", await unseen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await using var db = host.CreateDbContext();
        var actor = Data.Auditing.IntegrationActors.ActorId(integration.Id);
        Assert.Equal(ChildPaths.Length, await db.AuditEvents.CountAsync(e => e.UserId == actor && e.Action == AuditActions.ChildRefused && e.ChildId == world.AtSecondary.Id));
        Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.UserId == actor && e.Action == AuditActions.ApiChildRead));
    }

    [Fact]
    public async Task A_school_token_sees_its_pupil_s_whole_record_without_free_text_or_the_family_s_details()
    {
        var world = await ApiData.WorldAsync(host);
        var (_, token) = await ApiData.NewIntegrationAsync(host, Role.Senco, world.Primary);
        var client = ApiData.Client(host, token);
        var id = world.Known.Id;

        var child = await (await client.GetAsync($"/api/v1/children/{id}")).JsonAsync();
        Assert.Equal(world.Known.Upn, child.GetProperty("upn").GetString());
        Assert.Equal("Kit", child.GetProperty("legalForename").GetString());
        Assert.Single(child.GetProperty("formerUpns").EnumerateArray());
        Assert.Equal(world.Primary.Urn, child.GetProperty("currentSchools")[0].GetProperty("urn").GetInt32());
        Assert.Equal(["child-in-need"], child.GetProperty("currentStatuses").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal($"/api/v1/children/{id}/attendance", child.GetProperty("links").GetProperty("attendance").GetString());

        var statuses = await (await client.GetAsync($"/api/v1/children/{id}/statuses")).JsonAsync();
        var items = statuses.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.True(items[0].GetProperty("current").GetBoolean());
        Assert.Equal("sen-support", items[1].GetProperty("type").GetString());
        Assert.Equal("SLCN", items[1].GetProperty("primaryNeed").GetString());

        var attendance = await (await client.GetAsync($"/api/v1/children/{id}/attendance?academicYear={ApiWorld.MarksYear}")).JsonAsync();
        var sessions = attendance.GetProperty("sessions");
        Assert.True(attendance.GetProperty("wholeYear").GetBoolean());
        Assert.Equal(6, sessions.GetProperty("possible").GetInt32());
        Assert.Equal(4, sessions.GetProperty("present").GetInt32());
        Assert.Equal(1, sessions.GetProperty("authorisedAbsence").GetInt32());
        Assert.Equal(1, sessions.GetProperty("unauthorisedAbsence").GetInt32());
        Assert.Equal(66.67m, sessions.GetProperty("attendanceRate").GetDecimal());
        Assert.True(sessions.GetProperty("persistentlyAbsent").GetBoolean());
        Assert.Equal(world.Primary.Urn, attendance.GetProperty("schools")[0].GetProperty("urn").GetInt32());

        var suspension = (await (await client.GetAsync($"/api/v1/children/{id}/suspensions")).JsonAsync()).GetProperty("items")[0];
        Assert.Equal("suspension", suspension.GetProperty("kind").GetString());
        Assert.Equal(["PA", "VP"], suspension.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("am", suspension.GetProperty("firstSession").GetString());

        var timetable = (await (await client.GetAsync($"/api/v1/children/{id}/reduced-timetables")).JsonAsync()).GetProperty("items")[0];
        Assert.Equal("medical-needs", timetable.GetProperty("reason").GetString());
        Assert.True(timetable.GetProperty("hasPlanToFullTime").GetBoolean());
        Assert.Equal(15m, timetable.GetProperty("hoursPerWeek").GetDecimal());

        var transition = (await (await client.GetAsync($"/api/v1/children/{id}/transitions")).JsonAsync()).GetProperty("items")[0];
        Assert.Equal(world.Transition.Id, transition.GetProperty("id").GetGuid());
        Assert.Equal(world.Secondary.Urn, transition.GetProperty("destinationSchool").GetProperty("urn").GetInt32());
        Assert.Equal("confirmed", transition.GetProperty("decision").GetString());

        var plansResponse = await client.GetAsync($"/api/v1/children/{id}/early-help-plans");
        var plan = (await plansResponse.JsonAsync()).GetProperty("items")[0];
        Assert.Equal(world.Plan.Id, plan.GetProperty("id").GetGuid());
        Assert.Equal("active", plan.GetProperty("stage").GetString());
        Assert.Equal(2, plan.GetProperty("tier").GetInt32());
        Assert.Equal(world.PrimarySenco.DisplayName, plan.GetProperty("leadProfessional").GetProperty("name").GetString());

        // Free text and the family's own details stay on the web pages, for the people who may read them there.
        var everything = string.Concat(await Task.WhenAll(ChildPaths.Select(async p => await client.GetStringAsync($"/api/v1/children/{id}{p}"))));
        foreach (var secret in new[] { "Secret", "Pat Parent", "1 Test Street", "01234 567890", world.Plan.FamilyName, "Morning routine" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_school_token_sees_a_plan_only_when_its_school_leads_or_contributes()
    {
        var world = await ApiData.WorldAsync(host);
        var (_, secondary) = await ApiData.NewIntegrationAsync(host, Role.Senco, world.Secondary);
        var (_, la) = await ApiData.NewIntegrationAsync(host, Role.AdvisoryTeacher);

        // The secondary school cannot see the primary's pupil at all; the LA sees the plan.
        Assert.Equal(HttpStatusCode.NotFound, (await ApiData.Client(host, secondary).GetAsync($"/api/v1/children/{world.Known.Id}/early-help-plans")).StatusCode);
        var plans = await (await ApiData.Client(host, la).GetAsync($"/api/v1/children/{world.Known.Id}/early-help-plans")).JsonAsync();
        Assert.Equal([world.Plan.Id], plans.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task A_shared_incoming_pupil_is_not_found_through_the_API()
    {
        // The test world's primary child's transition is shared with the secondary: on the web its staff see what was shared; the API gives whole records only.
        var (_, token) = await ApiData.NewIntegrationAsync(host, Role.TransitionLead, host.World.Secondary);

        var response = await ApiData.Client(host, token).GetAsync($"/api/v1/children/{host.World.PrimaryChild.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("academicYear=next", "academicYear must be an academic year")]
    [InlineData("academicYear=2999/00", "has not started")]
    public async Task A_bad_academic_year_is_refused_naming_the_field(string query, string message)
    {
        var world = await ApiData.WorldAsync(host);
        var (_, token) = await ApiData.NewIntegrationAsync(host, Role.LaOfficer, scopes: [ApiScope.AttendanceRead]);

        var response = await ApiData.Client(host, token).GetAsync($"/api/v1/children/{world.Known.Id}/attendance?{query}");
        var problem = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, problem.GetProperty("errors").GetProperty("academicYear")[0].GetString(), StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApiScopingTestsOnSqlite(SqliteHost fixture) : ApiScopingTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class ApiScopingTestsOnPostgres(PostgresHost fixture) : ApiScopingTests(fixture.Host);
