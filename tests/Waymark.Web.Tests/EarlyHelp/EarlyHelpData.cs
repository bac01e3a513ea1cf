using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.EarlyHelp;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests.EarlyHelp;

/// <summary>Families and plans of each test's own, written straight to the database, at the stage a test needs.</summary>
internal static class EarlyHelpData
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<WaymarkTestHost, Lazy<Task<EarlyHelpWorld>>> Worlds = new();

    /// <summary>
    /// Two schools and a user in every role but administrator (school roles at the primary), made once per host, for tests
    /// that act as schools: pupils added to them never change the shared test world's rolls.
    /// </summary>
    public static Task<EarlyHelpWorld> WorldAsync(WaymarkTestHost host) =>
        Worlds.GetOrAdd(host, h => new Lazy<Task<EarlyHelpWorld>>(() => CreateWorldAsync(h))).Value;

    private static async Task<EarlyHelpWorld> CreateWorldAsync(WaymarkTestHost host)
    {
        var primary = await Transitions.ProgrammeData.NewSchoolAsync(host, "Early Help Primary");
        var secondary = await Transitions.ProgrammeData.NewSchoolAsync(host, "Early Help Secondary", Domain.Schools.SchoolPhase.Secondary);
        var hasher = new Microsoft.AspNetCore.Identity.PasswordHasher<WaymarkUser>();
        var users = new Dictionary<Role, WaymarkUser>();
        await using var db = host.CreateDbContext();
        foreach (var role in Roles.All.Where(r => r != Role.LaAdmin))
        {
            var user = TestWorld.NewUser($"eh.{Roles.CommandName(role)}.{Guid.NewGuid():N}@test.example", $"Early Help {Roles.DisplayName(role)}", role, null, hasher);
            user.SchoolId = Roles.RequiresSchool(role) ? primary.Id : null;
            users[role] = user;
            db.Users.Add(user);
        }

        await db.SaveChangesAsync();
        return new EarlyHelpWorld(primary, secondary, users);
    }

    private static int _serial = 500;

    /// <summary>A child of the test's own on a school's roll, to link a family member to.</summary>
    public static async Task<Child> NewPupilAsync(WaymarkTestHost host, School school, string forename, string surname, int age = 9)
    {
        var child = TestWorld.NewChild(forename, surname, TestWorld.Today.AddYears(-age).AddDays(-40), Sex.Female, school.EstablishmentNumber,
            Interlocked.Increment(ref _serial));
        child.Enrolments.Add(new Enrolment { SchoolId = school.Id, StartDate = TestWorld.Today.AddYears(-3), Type = EnrolmentType.Single });
        await using var db = host.CreateDbContext();
        db.Children.Add(child);
        await db.SaveChangesAsync();
        return child;
    }

    /// <summary>A user of the test's own, at a school when the role needs one.</summary>
    public static async Task<WaymarkUser> NewUserAsync(WaymarkTestHost host, Role role, School? school = null)
    {
        await using var db = host.CreateDbContext();
        var user = TestWorld.NewUser($"{Roles.CommandName(role)}.{Guid.NewGuid():N}@test.example", $"Test {Roles.DisplayName(role)} {Interlocked.Increment(ref _serial)}", role, null);
        user.SchoolId = school?.Id;
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>
    /// A plan for a parent and one child (linked to <paramref name="child"/> when given), with consent to share given by the
    /// parent and <paramref name="lead"/> as Lead Professional. <paramref name="stage"/> Active adds scores for both, one
    /// action and an agreed date <paramref name="agreedDaysAgo"/> days back, so a review falls due six weeks on.
    /// </summary>
    public static async Task<EarlyHelpPlan> NewPlanAsync(WaymarkTestHost host, WaymarkUser lead, Child? child = null,
        PlanStage stage = PlanStage.Assessment, int agreedDaysAgo = 10, string? familyName = null)
    {
        // The world's children and users are shared by every test: a plan would change what they see elsewhere.
        if (child is not null && new[] { host.World.PrimaryChild.Id, host.World.SecondaryChild.Id, host.World.CaseloadChild.Id, host.World.Year7Child.Id }.Contains(child.Id))
        {
            throw new ArgumentException("Give the plan a child of the test's own (NewPupilAsync), not one of the test world's.", nameof(child));
        }

        var today = TestWorld.Today;
        var now = DateTime.UtcNow;
        var plan = new EarlyHelpPlan
        {
            Id = Guid.NewGuid(), Stage = stage, FamilyName = familyName ?? $"The {child?.LegalSurname ?? "Test"} family {Guid.NewGuid().ToString("N")[..6]}",
            LeadSchoolId = lead.SchoolId, CreatedByUserId = lead.Id, CreatedAtUtc = now, UpdatedAtUtc = now, Tier = TierOfNeed.Tier2,
            Address = "1 Test Street", Phone = "01234 567890",
        };
        var parent = new FamilyMember { Name = "Pat Parent", Role = FamilyRole.ParentOrCarer, Relationship = "Mum", DateOfBirth = today.AddYears(-35), LivesAtHome = true };
        var young = new FamilyMember
        {
            Name = child?.KnownAsName ?? "Sam Child", Role = FamilyRole.Child, Relationship = "Daughter", DateOfBirth = child?.DateOfBirth ?? today.AddYears(-9),
            LivesAtHome = true, ChildId = child?.Id,
        };
        plan.Members.AddRange([parent, young]);
        plan.LeadProfessionals.Add(new LeadProfessionalSpell
        {
            UserId = lead.Id, Name = lead.DisplayName, Agency = "Test agency", SchoolId = lead.SchoolId, StartedOn = today.AddDays(-agreedDaysAgo - 5),
            Reason = "Completed the plan",
        });

        await using var db = host.CreateDbContext();
        db.EarlyHelpPlans.Add(plan);
        await db.SaveChangesAsync();

        db.EarlyHelpConsents.Add(new EarlyHelpConsent
        {
            PlanId = plan.Id, Kind = EarlyHelpConsentKind.ShareWithSupporters, Agreed = true, GivenByMemberId = parent.Id, GivenOn = today.AddDays(-agreedDaysAgo - 5),
            CoversMemberIds = $"{parent.Id},{young.Id}", RecordedByUserId = lead.Id, RecordedAtUtc = now,
        });
        if (stage != PlanStage.Assessment)
        {
            foreach (var member in new[] { parent, young })
            {
                var assessment = new SelfAssessment
                {
                    PlanId = plan.Id, MemberId = member.Id, AssessedOn = today.AddDays(-agreedDaysAgo - 2), PractitionerAgrees = true, RecordedByUserId = lead.Id,
                };
                foreach (var aspect in AspectsOfLife.All)
                {
                    assessment.Scores.Add(aspect == AspectOfLife.PregnancyAndEarlyYears
                        ? new AspectScore { Aspect = aspect, NotApplicableReason = "No young children" }
                        : new AspectScore { Aspect = aspect, Score = aspect == AspectOfLife.Education ? 3 : 7 });
                }

                db.SelfAssessments.Add(assessment);
            }

            db.EarlyHelpActions.Add(new EarlyHelpAction
            {
                PlanId = plan.Id, Aspect = AspectOfLife.Education, What = "Morning routine chart for Sam", Who = "Mum, with the school's attendance lead",
                ByWhen = today.AddDays(14), HopedDifference = "Sam arrives on time", Readiness = 3, State = ActionState.Open,
            });
            plan.AgreedOn = today.AddDays(-agreedDaysAgo);
            plan.ReviewDueOn = stage == PlanStage.Active ? ReviewSchedule.DueOn(plan.AgreedOn.Value, null) : null;
        }

        if (stage is PlanStage.Closed)
        {
            plan.ClosedOn = today.AddDays(-1);
            plan.ClosureReason = ClosureReason.NeedsMetByUniversalServices;
        }

        await db.SaveChangesAsync();
        return plan;
    }
}

internal sealed record EarlyHelpWorld(School Primary, School Secondary, IReadOnlyDictionary<Role, WaymarkUser> Users)
{
    public string EmailFor(Role role) => Users[role].Email!;
}
