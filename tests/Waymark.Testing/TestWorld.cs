using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.Identifiers;
using Waymark.Domain.People;
using Waymark.Domain.Schools;
using Waymark.Domain.Transitions;

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

    /// <summary>In Year 7 at the secondary school, having moved from the primary in September.</summary>
    public Child Year7Child { get; private set; } = null!;

    /// <summary>
    /// <see cref="PrimaryChild"/>'s transition: confirmed, a place accepted at the secondary school,
    /// consent in force and so shared with it, with one shareable and one restricted section written.
    /// </summary>
    public Transition PrimaryTransition { get; private set; } = null!;

    /// <summary><see cref="Year7Child"/>'s transition from last year, now due its Year 7 follow-up.</summary>
    public Transition Year7Transition { get; private set; } = null!;

    /// <summary>Text of the restricted section, which school users must never see.</summary>
    public const string RestrictedText = "Restricted: domestic abuse in the household, police involved";

    /// <summary>The child's own words in the About me section.</summary>
    public const string ChildsWords = "I am kind and I like making people laugh";

    public static AcademicYear ThisYear => AcademicYear.Containing(Today);

    public Dictionary<Role, WaymarkUser> Users { get; } = [];

    /// <summary>The secondary school's Transition Lead and SENCo: the people a passport is shared with.</summary>
    public WaymarkUser SecondaryTransitionLead { get; private set; } = null!;

    public WaymarkUser SecondarySenco { get; private set; } = null!;

    /// <summary>A headteacher at the secondary school, to prove school users see only their own roll.</summary>
    public WaymarkUser SecondaryHeadteacher { get; private set; } = null!;

    public static string EmailFor(Role role) => $"{Roles.CommandName(role)}@test.example";

    /// <summary>
    /// The administrator's authenticator key. Administrators must use two-factor, so the world gives them
    /// an app already set up; the sign-in helpers enter codes from it (<see cref="WaymarkTestHost.CurrentCodeAsync"/>).
    /// </summary>
    public string AdminAuthenticatorKey { get; } = TestTotp.NewKey();

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

        Year7Child = NewChild("Ruby", "Ward", new DateOnly(ThisYear.StartYear - 12, 11, 3), Sex.Female, 4001, 5);
        Year7Child.Enrolments.Add(new Enrolment { School = Primary, StartDate = ThisYear.Start.AddYears(-7), EndDate = ThisYear.Start.AddDays(-40), Type = EnrolmentType.Single });
        Year7Child.Enrolments.Add(new Enrolment { School = Secondary, StartDate = ThisYear.Start, Type = EnrolmentType.Single });
        Year7Child.Statuses.Add(new ChildStatus { Type = ChildStatusType.ChildInNeed, StartDate = ThisYear.Start.AddYears(-2) });

        db.Children.AddRange(PrimaryChild, SecondaryChild, CaseloadChild, leaver, Year7Child);

        foreach (var role in Roles.All)
        {
            var user = NewUser(EmailFor(role), $"Test {Roles.DisplayName(role)}", role, Roles.RequiresSchool(role) ? Primary : null, hasher);
            Users[role] = user;
            db.Users.Add(user);
        }

        SecondaryHeadteacher = NewUser("secondary.headteacher@test.example", "Secondary Headteacher", Role.Headteacher, Secondary, hasher);
        SecondaryTransitionLead = NewUser("secondary.transition-lead@test.example", "Secondary Transition Lead", Role.TransitionLead, Secondary, hasher);
        SecondarySenco = NewUser("secondary.senco@test.example", "Secondary SENCo", Role.Senco, Secondary, hasher);
        db.Users.AddRange(SecondaryHeadteacher, SecondaryTransitionLead, SecondarySenco);
        PrimaryChild.KeyPeople.Add(new KeyPerson { Role = KeyPersonRole.AdvisoryTeacher, User = Users[Role.AdvisoryTeacher], StartDate = Today.AddMonths(-3) });

        CaseloadChild.KeyPeople.Add(new KeyPerson { Role = KeyPersonRole.SocialWorker, User = Users[Role.SocialWorker], StartDate = Today.AddMonths(-2) });
        SecondaryChild.KeyPeople.Add(new KeyPerson
        {
            Role = KeyPersonRole.SocialWorker, ExternalName = "Sam Patel", ExternalOrganisation = "Neighbouring Council",
            StartDate = Today.AddYears(-1), EndDate = Today.AddMonths(-1),
        });

        await db.SaveChangesAsync();
        await GiveAuthenticatorAsync(db, Users[Role.LaAdmin], AdminAuthenticatorKey);
        await SeedTransitionsAsync(db);
    }

    private async Task SeedTransitionsAsync(WaymarkDbContext db)
    {
        var officer = Users[Role.LaOfficer];
        var stamp = DateTime.UtcNow;
        PrimaryTransition = NewTransition(PrimaryChild, ThisYear.StartYear, Primary, CohortDecision.Confirmed);
        PrimaryTransition.DecidedByUserId = officer.Id;
        PrimaryTransition.DecidedAtUtc = stamp;
        PrimaryTransition.DestinationSchoolId = Secondary.Id;
        PrimaryTransition.DestinationStatus = DestinationStatus.Accepted;
        PrimaryTransition.Sections.Add(new TransitionProfileSection
        {
            Section = ProfileSection.AboutMe, Sharing = SharingLevel.Shareable, Status = SectionStatus.Complete, Version = 1,
            Answers = new() { ["like-about-me"] = ChildsWords, ["important-to-me"] = "My nan and my dog Biscuit", ["support-me"] = "Tell me what is happening before it happens" },
            UpdatedByUserId = Users[Role.TransitionLead].Id, UpdatedAtUtc = stamp,
        });
        PrimaryTransition.Sections.Add(new TransitionProfileSection
        {
            Section = ProfileSection.FamilyAndProfessionals, Sharing = SharingLevel.Restricted, Status = SectionStatus.InProgress, Version = 1,
            Answers = new() { ["family"] = "Lives with mum and two younger brothers", ["safeguarding"] = RestrictedText },
            UpdatedByUserId = Users[Role.SocialWorker].Id, UpdatedAtUtc = stamp,
        });

        Year7Transition = NewTransition(Year7Child, ThisYear.StartYear - 1, Primary, CohortDecision.Confirmed);
        Year7Transition.DecidedByUserId = officer.Id;
        Year7Transition.DecidedAtUtc = stamp;
        Year7Transition.DestinationSchoolId = Secondary.Id;
        Year7Transition.DestinationStatus = DestinationStatus.Accepted;
        db.Transitions.AddRange(PrimaryTransition, Year7Transition);

        var consent = new Consent
        {
            ChildId = PrimaryChild.Id, Purpose = Sharing.TransitionPurpose, GivenByName = "Kerry Clarke", GivenBy = ConsentGiver.Parent,
            GivenOn = Today.AddDays(-7), RecordedByUserId = Users[Role.TransitionLead].Id, RecordedAtUtc = stamp,
        };
        db.Consents.Add(consent);
        await db.SaveChangesAsync();
        db.InformationShares.Add(new InformationShare
        {
            ChildId = PrimaryChild.Id, TransitionId = PrimaryTransition.Id, What = Sharing.TransitionWhat, RecipientSchoolId = Secondary.Id,
            Basis = ShareBasis.Consent, ConsentId = consent.Id, Reason = Sharing.TransitionPurpose,
            SharedByUserId = Users[Role.TransitionLead].Id, SharedAtUtc = stamp,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A transition for tests that change one, so the shared ones stay as described.</summary>
    public static Transition NewTransition(Child child, int cohortYear, School sendingSchool, CohortDecision decision) => new()
    {
        Id = Guid.NewGuid(), ChildId = child.Id, CohortYear = cohortYear, SendingSchoolId = sendingSchool.Id, Decision = decision,
        ProposedBecause = "Child in need", ProposedAtUtc = DateTime.UtcNow,
    };

    private static int _nextSerial = 100;

    private static int _nextUrn = 700000;

    /// <summary>A URN no other test's school has, for tests that make schools of their own on the shared hosts.</summary>
    public static int NextUrn() => Interlocked.Increment(ref _nextUrn);

    /// <summary>A Year 6 child on the primary's roll with a child in need plan, for tests that need a fresh one.</summary>
    public Child NewPrimaryPupil(string forename, string surname)
    {
        var child = NewChild(forename, surname, new DateOnly(ThisYear.StartYear - 10, 1, 15), Sex.Male, 2001, Interlocked.Increment(ref _nextSerial));
        child.Enrolments.Add(new Enrolment { SchoolId = Primary.Id, StartDate = Today.AddYears(-6), Type = EnrolmentType.Single });
        child.Statuses.Add(new ChildStatus { Type = ChildStatusType.ChildInNeed, StartDate = Today.AddMonths(-4) });
        return child;
    }

    /// <summary>Sets up an authenticator app for the user as Identity stores one, with two-factor on.</summary>
    public static async Task GiveAuthenticatorAsync(WaymarkDbContext db, WaymarkUser user, string key)
    {
        using var store = new UserStore<WaymarkUser, IdentityRole, WaymarkDbContext>(db);
        await store.SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
        user.TwoFactorEnabled = true;
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

    public static Child NewChild(string forename, string surname, DateOnly dob, Sex sex, int estab, int serial)
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
