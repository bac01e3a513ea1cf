using System.Globalization;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Testing;

namespace Waymark.Web.Tests.Send;

/// <summary>Two schools of the tests' own, an SEN case officer and a SENCo at each school, made once per host; children per test.</summary>
internal static class SendData
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<WaymarkTestHost, Lazy<Task<SendWorld>>> Worlds = new();

    private static int _serial;

    public static Task<SendWorld> WorldAsync(WaymarkTestHost host) =>
        Worlds.GetOrAdd(host, h => new Lazy<Task<SendWorld>>(() => CreateAsync(h))).Value;

    private static async Task<SendWorld> CreateAsync(WaymarkTestHost host)
    {
        var a = await Transitions.ProgrammeData.NewSchoolAsync(host, "Send Primary A");
        var b = await Transitions.ProgrammeData.NewSchoolAsync(host, "Send Primary B");
        var hasher = new Microsoft.AspNetCore.Identity.PasswordHasher<WaymarkUser>();
        await using var db = host.CreateDbContext();
        WaymarkUser User(Role role, School? school)
        {
            var user = TestWorld.NewUser($"send.{Roles.CommandName(role)}.{Guid.NewGuid():N}@test.example", $"Send {Roles.DisplayName(role)}", role, null, hasher);
            user.SchoolId = school?.Id;
            db.Users.Add(user);
            return user;
        }

        var officer = User(Role.SenCaseOfficer, null);
        var sencoA = User(Role.Senco, a);
        var sencoB = User(Role.Senco, b);
        await db.SaveChangesAsync();
        return new SendWorld(a, b, officer, sencoA, sencoB);
    }

    /// <summary>A pupil on the school's roll, in <paramref name="ncYear"/> this academic year, with an EHC plan from <paramref name="planSince"/> when given.</summary>
    public static async Task<Child> NewPupilAsync(WaymarkTestHost host, School school, string surname, int ncYear = 4, DateOnly? planSince = null,
        bool senSupport = true)
    {
        var year = AcademicYear.Containing(TestWorld.Today);
        // Year N in the year starting September S: born September S-N-5 to August S-N-4.
        var dob = new DateOnly(year.StartYear - ncYear - 4, 1, 15);
        var child = TestWorld.NewChild("Sam", surname, dob, Sex.Female, school.EstablishmentNumber, Interlocked.Increment(ref _serial));
        child.Enrolments.Add(new Enrolment { SchoolId = school.Id, StartDate = TestWorld.Today.AddYears(-3), Type = EnrolmentType.Single });
        // On SEN support, as most children are when an assessment is requested: that makes them known to the LA's services.
        if (senSupport && planSince is null)
        {
            child.Statuses.Add(new ChildStatus { Type = ChildStatusType.SenSupport, StartDate = TestWorld.Today.AddYears(-1), PrimaryNeed = SenPrimaryNeed.SLCN });
        }

        if (planSince is DateOnly since)
        {
            child.Statuses.Add(new ChildStatus { Type = ChildStatusType.EhcPlan, StartDate = since, PrimaryNeed = SenPrimaryNeed.ASD });
        }

        await using var db = host.CreateDbContext();
        db.Children.Add(child);
        await db.SaveChangesAsync();
        return child;
    }

    /// <summary>An assessment requested <paramref name="daysAgo"/> days back, written straight to the database.</summary>
    public static async Task<EhcNeedsAssessment> NewAssessmentAsync(WaymarkTestHost host, Child child, WaymarkUser by, int daysAgo,
        Action<EhcNeedsAssessment>? shape = null)
    {
        var assessment = new EhcNeedsAssessment
        {
            ChildId = child.Id, RequestedOn = TestWorld.Today.AddDays(-daysAgo), RequestedBy = AssessmentRequester.Parent, CreatedByUserId = by.Id,
            CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
        };
        shape?.Invoke(assessment);
        await using var db = host.CreateDbContext();
        db.EhcNeedsAssessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment;
    }

    public static Dictionary<string, string> Date(string name, DateOnly date) => new()
    {
        [$"{name}.Day"] = date.Day.ToString(CultureInfo.InvariantCulture),
        [$"{name}.Month"] = date.Month.ToString(CultureInfo.InvariantCulture),
        [$"{name}.Year"] = date.Year.ToString(CultureInfo.InvariantCulture),
    };

    public static Dictionary<string, string> With(this Dictionary<string, string> form, string key, string value)
    {
        form[key] = value;
        return form;
    }

    public static Dictionary<string, string> With(this Dictionary<string, string> form, Dictionary<string, string> more)
    {
        foreach (var (k, v) in more)
        {
            form[k] = v;
        }

        return form;
    }
}

internal sealed record SendWorld(School SchoolA, School SchoolB, WaymarkUser Officer, WaymarkUser SencoA, WaymarkUser SencoB);
