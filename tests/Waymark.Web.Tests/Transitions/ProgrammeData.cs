using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Domain.Transitions;
using Waymark.Testing;

namespace Waymark.Web.Tests.Transitions;

/// <summary>Fresh schools, children and catalogue entries for programme tests, so each test's figures are its own.</summary>
internal static class ProgrammeData
{
    private static int _nextSchool;

    public static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..8]}";

    public static async Task<School> NewSchoolAsync(WaymarkTestHost host, string name, SchoolPhase phase = SchoolPhase.Primary)
    {
        var n = Interlocked.Increment(ref _nextSchool);
        var school = new School
        {
            Urn = TestWorld.NextUrn(), LaCode = 823, EstablishmentNumber = 7000 + n, Name = Unique(name), Phase = phase, Type = "Community school",
        };
        await using var db = host.CreateDbContext();
        db.Schools.Add(school);
        await db.SaveChangesAsync();
        return school;
    }

    /// <summary>Children on the school's roll, each with a transition from it in <paramref name="cohortYear"/>.</summary>
    public static async Task<List<Transition>> NewCohortAsync(WaymarkTestHost host, School school, int children, int cohortYear,
        CohortDecision decision = CohortDecision.Confirmed, int firstSerial = 1)
    {
        await using var db = host.CreateDbContext();
        var transitions = new List<Transition>();
        for (var i = 0; i < children; i++)
        {
            var child = TestWorld.NewChild("Cohort", $"Child{i}", new DateOnly(cohortYear - 10, 1, 10), Sex.Female, school.EstablishmentNumber, firstSerial + i);
            child.Enrolments.Add(new Enrolment { SchoolId = school.Id, StartDate = TestWorld.Today.AddYears(-5), Type = EnrolmentType.Single });
            db.Children.Add(child);
            var transition = TestWorld.NewTransition(child, cohortYear, school, decision);
            db.Transitions.Add(transition);
            transitions.Add(transition);
        }

        await db.SaveChangesAsync();
        return transitions;
    }

    private static readonly ConcurrentDictionary<WaymarkTestHost, Lazy<Task<StaffedSchool>>> Staffed = new();

    /// <summary>
    /// A primary school of these tests' own with a Transition Lead, SENCo, attendance lead and headteacher, made once
    /// per host, so children added for enrolment tests never change the test world's primary roll.
    /// </summary>
    public static Task<StaffedSchool> StaffedSchoolAsync(WaymarkTestHost host) =>
        Staffed.GetOrAdd(host, h => new Lazy<Task<StaffedSchool>>(() => CreateStaffedSchoolAsync(h))).Value;

    private static async Task<StaffedSchool> CreateStaffedSchoolAsync(WaymarkTestHost host)
    {
        var school = await NewSchoolAsync(host, "Programme Primary");
        var hasher = new PasswordHasher<WaymarkUser>();
        var staff = new Dictionary<Role, WaymarkUser>();
        await using var db = host.CreateDbContext();
        foreach (var role in new[] { Role.TransitionLead, Role.Senco, Role.AttendanceLead, Role.Headteacher })
        {
            var user = TestWorld.NewUser($"{Roles.CommandName(role)}@{school.Urn}.test.example", $"Programme {Roles.DisplayName(role)}", role, null, hasher);
            user.SchoolId = school.Id;
            db.Users.Add(user);
            staff[role] = user;
        }

        await db.SaveChangesAsync();
        return new StaffedSchool(school, staff);
    }

    private static int _nextPupil;

    /// <summary>A Year 6 transition for a new pupil of <see cref="StaffedSchoolAsync"/>'s school, whose staff may plan for it.</summary>
    public static async Task<Transition> NewPrimaryTransitionAsync(WaymarkTestHost host, CohortDecision decision = CohortDecision.Confirmed)
    {
        var school = (await StaffedSchoolAsync(host)).School;
        await using var db = host.CreateDbContext();
        var child = TestWorld.NewChild("Enrol", "Pupil", new DateOnly(TestWorld.ThisYear.StartYear - 11, 2, 1), Sex.Male,
            school.EstablishmentNumber, Interlocked.Increment(ref _nextPupil));
        child.Enrolments.Add(new Enrolment { SchoolId = school.Id, StartDate = TestWorld.Today.AddYears(-6), Type = EnrolmentType.Single });
        child.Statuses.Add(new ChildStatus { Type = ChildStatusType.ChildInNeed, StartDate = TestWorld.Today.AddMonths(-4) });
        db.Children.Add(child);
        var transition = TestWorld.NewTransition(child, TestWorld.ThisYear.StartYear, school, decision);
        db.Transitions.Add(transition);
        await db.SaveChangesAsync();
        return transition;
    }

    public static async Task<Intervention> NewInterventionAsync(WaymarkTestHost host, string name, string? provider = "Mind the Gap Trust",
        string? measure = "Resilience scale (0 to 40)", bool active = true)
    {
        var intervention = new Intervention { Name = Unique(name), DefaultProvider = provider, OutcomeMeasure = measure, IsActive = active };
        await using var db = host.CreateDbContext();
        db.Interventions.Add(intervention);
        await db.SaveChangesAsync();
        return intervention;
    }

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The messages in the page's error summary.</summary>
    public static List<string> Errors(IHtmlDocument document) =>
        document.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>The same messages, in whatever order the summary lists them.</summary>
    public static void SameErrors(IEnumerable<string> expected, IEnumerable<string> actual) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));

    public static async Task<List<string>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Errors(await response.GetDocumentAsync());
    }
}

internal sealed record StaffedSchool(School School, IReadOnlyDictionary<Role, WaymarkUser> Staff)
{
    public string EmailFor(Role role) => Staff[role].Email!;
}
