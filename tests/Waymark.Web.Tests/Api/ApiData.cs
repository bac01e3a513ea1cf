using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.EarlyHelp;
using Waymark.Domain.Integrations;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Domain.Transitions;
using Waymark.Testing;
using Waymark.Web.Api;
using Waymark.Web.Tests.EarlyHelp;
using Waymark.Web.Tests.Transitions;

namespace Waymark.Web.Tests.Api;

/// <summary>
/// Schools and children of the API tests' own, made once per host, so what an integration sees can be asserted exactly
/// without touching the test world's rolls: a primary with three pupils (two known to the LA's services, one not), a
/// secondary with two (one known), and a school with nobody on roll. <see cref="Known"/> has a record of every kind.
/// </summary>
internal sealed record ApiWorld(School Primary, School Secondary, School Empty, Child Known, Child Unknown, Child Protected, Child AtSecondary,
    Child UnknownAtSecondary, Transition Transition, EarlyHelpPlan Plan, WaymarkUser PrimarySenco)
{
    public IReadOnlyList<Guid> PrimaryRoll => [Known.Id, Unknown.Id, Protected.Id];

    /// <summary>The marks given to <see cref="Known"/> last academic year: 4 present, 1 illness, 1 unauthorised.</summary>
    public static AcademicYear MarksYear => new(TestWorld.ThisYear.StartYear - 1);
}

internal static class ApiData
{
    private static readonly ConcurrentDictionary<WaymarkTestHost, Lazy<Task<ApiWorld>>> Worlds = new();

    public static Task<ApiWorld> WorldAsync(WaymarkTestHost host) =>
        Worlds.GetOrAdd(host, h => new Lazy<Task<ApiWorld>>(() => CreateWorldAsync(h))).Value;

    private static async Task<ApiWorld> CreateWorldAsync(WaymarkTestHost host)
    {
        var primary = await ProgrammeData.NewSchoolAsync(host, "API Primary");
        var secondary = await ProgrammeData.NewSchoolAsync(host, "API Secondary", SchoolPhase.Secondary);
        var empty = await ProgrammeData.NewSchoolAsync(host, "API Empty Primary");
        var today = TestWorld.Today;
        var officer = host.World.Users[Role.LaOfficer];

        Child Pupil(School school, string forename, string surname, int serial, ChildStatusType? status)
        {
            var child = TestWorld.NewChild(forename, surname, today.AddYears(-10).AddDays(-serial), Sex.Female, school.EstablishmentNumber, serial);
            child.Enrolments.Add(new Enrolment { SchoolId = school.Id, StartDate = today.AddYears(-4), Type = EnrolmentType.Single });
            if (status is ChildStatusType type)
            {
                child.Statuses.Add(new ChildStatus { Type = type, StartDate = today.AddMonths(-3) });
            }

            return child;
        }

        var known = Pupil(primary, "Kit", "Known", 1, ChildStatusType.ChildInNeed);
        known.Statuses.Add(new ChildStatus { Type = ChildStatusType.SenSupport, StartDate = today.AddYears(-3), EndDate = today.AddYears(-2), PrimaryNeed = SenPrimaryNeed.SLCN });
        known.FormerUpns.Add(new FormerUpn { Upn = Domain.Identifiers.Upn.Create(823, primary.EstablishmentNumber, today.Year - 8, 99), RecordedAtUtc = DateTime.UtcNow });
        var unknown = Pupil(primary, "Una", "Unknown", 2, null);
        var protectedChild = Pupil(primary, "Pat", "Protected", 3, ChildStatusType.ChildProtectionPlan);
        var atSecondary = Pupil(secondary, "Sid", "Secondary", 1, ChildStatusType.EhcPlan);
        var unknownAtSecondary = Pupil(secondary, "Sue", "Unseen", 2, null);

        await using var db = host.CreateDbContext();
        db.Children.AddRange(known, unknown, protectedChild, atSecondary, unknownAtSecondary);

        var marks = new YearMarks(ApiWorld.MarksYear);
        var day = ApiWorld.MarksYear.Start;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        var next = day.AddDays(1);
        while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            next = next.AddDays(1);
        }

        var third = next.AddDays(1);
        while (third.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            third = third.AddDays(1);
        }

        marks.Set(day, Session.AM, AttendanceCodes.Get("/"));
        marks.Set(day, Session.PM, AttendanceCodes.Get("\\"));
        marks.Set(next, Session.AM, AttendanceCodes.Get("/"));
        marks.Set(next, Session.PM, AttendanceCodes.Get("\\"));
        marks.Set(third, Session.AM, AttendanceCodes.Get("I"));
        marks.Set(third, Session.PM, AttendanceCodes.Get("O"));
        db.AttendanceYears.Add(new AttendanceYear { ChildId = known.Id, SchoolId = primary.Id, AcademicYear = ApiWorld.MarksYear.StartYear, Marks = marks.Bytes, UpdatedAtUtc = DateTime.UtcNow });

        db.Suspensions.Add(new Suspension
        {
            ChildId = known.Id, SchoolId = primary.Id, Kind = ExclusionKind.Suspension, StartDate = today.AddDays(-20), FirstSession = Session.AM, Sessions = 4,
            Reason1 = "PA", Reason2 = "VP", ReintegrationMeetingOn = today.AddDays(-15), ReintegrationNote = "Secret reintegration note",
            RecordedByUserId = officer.Id, RecordedAtUtc = DateTime.UtcNow,
        });
        db.ReducedTimetables.Add(new ReducedTimetable
        {
            ChildId = known.Id, SchoolId = primary.Id, StartDate = today.AddDays(-10), PlannedEndDate = today.AddDays(20), HoursPerWeek = 15m,
            Reason = ReducedTimetableReason.MedicalNeeds, ReasonDetail = "Secret reason detail", ParentAgreedBy = "Secret Parent (mother)", ParentAgreedOn = today.AddDays(-11),
            PlanToFullTime = "Secret plan text", EarlyHelpConsidered = true, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
        });
        var transition = TestWorld.NewTransition(known, TestWorld.ThisYear.StartYear, primary, CohortDecision.Confirmed);
        transition.DestinationSchoolId = secondary.Id;
        transition.DestinationStatus = DestinationStatus.Offered;
        db.Transitions.Add(transition);
        await db.SaveChangesAsync();

        var senco = await EarlyHelpData.NewUserAsync(host, Role.Senco, primary);
        var plan = await EarlyHelpData.NewPlanAsync(host, senco, known, PlanStage.Active);
        return new ApiWorld(primary, secondary, empty, known, unknown, protectedChild, atSecondary, unknownAtSecondary, transition, plan, senco);
    }

    /// <summary>An integration of the test's own, written straight to the database, and its token.</summary>
    public static async Task<(ApiIntegration Integration, string Token)> NewIntegrationAsync(WaymarkTestHost host, Role role, School? school = null,
        IEnumerable<ApiScope>? scopes = null, DateTime? expiresAtUtc = null, bool revoked = false, string? name = null)
    {
        var token = ApiTokens.NewToken();
        var admin = host.World.Users[Role.LaAdmin];
        var integration = new ApiIntegration
        {
            Id = Guid.NewGuid(), Name = name ?? $"Test integration {Guid.NewGuid().ToString("N")[..6]}", Role = role, SchoolId = school?.Id,
            Scopes = ApiScopes.Format(scopes ?? ApiScopes.All), TokenPrefix = IntegrationRules.VisiblePrefix(token), TokenHash = ApiTokens.Hash(token),
            ExpiresAtUtc = expiresAtUtc ?? DateTime.UtcNow.AddDays(30), CreatedByUserId = admin.Id, CreatedAtUtc = DateTime.UtcNow,
            RevokedAtUtc = revoked ? DateTime.UtcNow.AddMinutes(-1) : null, RevokedByUserId = revoked ? admin.Id : null,
        };
        await using var db = host.CreateDbContext();
        db.ApiIntegrations.Add(integration);
        await db.SaveChangesAsync();
        return (integration, token);
    }

    /// <summary>A client that sends the token with every call, and no cookies.</summary>
    public static HttpClient Client(WaymarkTestHost host, string? token)
    {
        var client = host.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} is not JSON: {text[..Math.Min(text.Length, 500)]}", ex);
        }
    }

    public static IReadOnlyList<Guid> Ids(this JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];
}
