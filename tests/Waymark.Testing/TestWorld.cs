using Microsoft.AspNetCore.Identity;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.Identifiers;
using Waymark.Domain.People;
using Waymark.Domain.Schools;

namespace Waymark.Testing;

/// <summary>
/// A small, exact world for page tests: two schools, a handful of children, and one user per role,
/// so every allowed and refused access can be asserted by name.
/// </summary>
public sealed class TestWorld
{
    public const string Password = "correct-horse-battery";

    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    public School Primary { get; } = new() { Urn = 900001, LaCode = 823, EstablishmentNumber = 2001, Name = "Larkfield Primary School", Phase = SchoolPhase.Primary, Type = "Community school" };

    public School Secondary { get; } = new() { Urn = 900002, LaCode = 823, EstablishmentNumber = 4001, Name = "Hollins Academy", Phase = SchoolPhase.Secondary, Type = "Academy converter" };

    public Child PrimaryChild { get; private set; } = null!;

    public Child SecondaryChild { get; private set; } = null!;

    /// <summary>At the secondary school and on the social worker's caseload.</summary>
    public Child CaseloadChild { get; private set; } = null!;

    public Dictionary<Role, WaymarkUser> Users { get; } = [];

    /// <summary>A headteacher at the secondary school, to prove school users see only their own roll.</summary>
    public WaymarkUser SecondaryHeadteacher { get; private set; } = null!;

    public static string EmailFor(Role role) => $"{Roles.CommandName(role)}@test.example";

    public async Task SeedAsync(WaymarkDbContext db)
    {
        var hasher = new PasswordHasher<WaymarkUser>();
        db.LocalAuthorities.Add(new LocalAuthority { Code = 823, Name = "Testshire County Council" });
        db.Schools.AddRange(Primary, Secondary);

        PrimaryChild = NewChild("Amelia", "Clarke", new DateOnly(Today.Year - 10, 3, 14), Sex.Female, 2001, 1);
        PrimaryChild.Enrolments.Add(new Enrolment { School = Primary, StartDate = Today.AddYears(-5), Type = EnrolmentType.Single });
        PrimaryChild.Statuses.Add(new ChildStatus { Type = ChildStatusType.ChildInNeed, StartDate = Today.AddMonths(-6) });

        SecondaryChild = NewChild("Oliver", "Hughes", new DateOnly(Today.Year - 13, 9, 2), Sex.Male, 4001, 2);
        SecondaryChild.Enrolments.Add(new Enrolment { School = Secondary, StartDate = Today.AddYears(-2), Type = EnrolmentType.Single });
        SecondaryChild.Statuses.Add(new ChildStatus { Type = ChildStatusType.EhcPlan, StartDate = Today.AddYears(-1), PrimaryNeed = SenPrimaryNeed.ASD });

        CaseloadChild = NewChild("Jayden", "Okafor", new DateOnly(Today.Year - 12, 1, 20), Sex.Male, 4001, 3);
        CaseloadChild.PreferredForename = "Jay";
        CaseloadChild.RefreshSearchName();
        CaseloadChild.Enrolments.Add(new Enrolment { School = Secondary, StartDate = Today.AddYears(-1), Type = EnrolmentType.Single });
        CaseloadChild.Statuses.Add(new ChildStatus { Type = ChildStatusType.ChildProtectionPlan, StartDate = Today.AddMonths(-2) });

        var leaver = NewChild("Former", "Pupil", new DateOnly(Today.Year - 11, 5, 5), Sex.Female, 2001, 4);
        leaver.Enrolments.Add(new Enrolment { School = Primary, StartDate = Today.AddYears(-6), EndDate = Today.AddDays(-30), Type = EnrolmentType.Single });

        db.Children.AddRange(PrimaryChild, SecondaryChild, CaseloadChild, leaver);

        foreach (var role in Roles.All)
        {
            var user = NewUser(EmailFor(role), $"Test {Roles.DisplayName(role)}", role, Roles.RequiresSchool(role) ? Primary : null, hasher);
            Users[role] = user;
            db.Users.Add(user);
        }

        SecondaryHeadteacher = NewUser("secondary.headteacher@test.example", "Secondary Headteacher", Role.Headteacher, Secondary, hasher);
        db.Users.Add(SecondaryHeadteacher);

        CaseloadChild.KeyPeople.Add(new KeyPerson { Role = KeyPersonRole.SocialWorker, User = Users[Role.SocialWorker], StartDate = Today.AddMonths(-2) });
        SecondaryChild.KeyPeople.Add(new KeyPerson
        {
            Role = KeyPersonRole.SocialWorker, ExternalName = "Sam Patel", ExternalOrganisation = "Neighbouring Council",
            StartDate = Today.AddYears(-1), EndDate = Today.AddMonths(-1),
        });

        await db.SaveChangesAsync();
    }

    /// <summary>An extra user for tests that change or lock an account, so shared users stay intact.</summary>
    public static WaymarkUser NewUser(string email, string name, Role role, School? school, IPasswordHasher<WaymarkUser>? hasher = null)
    {
        var user = new WaymarkUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, DisplayName = name, Role = role, School = school, IsActive = true, LockoutEnabled = true,
            SecurityStamp = Guid.NewGuid().ToString(), CreatedAtUtc = DateTime.UtcNow,
        };
        user.PasswordHash = (hasher ?? new PasswordHasher<WaymarkUser>()).HashPassword(user, Password);
        return user;
    }

    private static Child NewChild(string forename, string surname, DateOnly dob, Sex sex, int estab, int serial)
    {
        var child = new Child
        {
            Id = Guid.NewGuid(), Upn = Upn.Create(823, estab, Today.Year - 6, serial), LegalForename = forename, LegalSurname = surname,
            DateOfBirth = dob, Sex = sex, EthnicityCode = "WBRI", FirstLanguage = "English", Postcode = "TS1 1AA",
            CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
        };
        child.RefreshSearchName();
        return child;
    }
}
