using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
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
            Urn = 950000 + n, LaCode = 823, EstablishmentNumber = 7000 + n, Name = Unique(name), Phase = phase, Type = "Community school",
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

    /// <summary>A confirmed Year 6 transition for a new pupil of the test world's primary, whose staff may plan for it.</summary>
    public static async Task<Transition> NewPrimaryTransitionAsync(WaymarkTestHost host, CohortDecision decision = CohortDecision.Confirmed)
    {
        await using var db = host.CreateDbContext();
        var child = host.World.NewPrimaryPupil("Enrol", "Pupil");
        db.Children.Add(child);
        var transition = TestWorld.NewTransition(child, TestWorld.ThisYear.StartYear, host.World.Primary, decision);
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
