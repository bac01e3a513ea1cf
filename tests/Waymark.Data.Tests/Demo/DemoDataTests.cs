using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waymark.Data.Access;
using Waymark.Data.Demo;
using Waymark.Data.Entities;
using Waymark.Domain.Children;
using Waymark.Domain.Identifiers;
using Waymark.Domain.People;
using Waymark.Domain.Schools;

namespace Waymark.Data.Tests.Demo;

/// <summary>What a 6,000-pupil demo database looks like, checked on each provider.</summary>
public abstract partial class DemoDataTests(SeededDemoDatabase seeded)
{
    private static DateOnly Today => SeededDemoDatabase.Today;

    private IReadOnlyList<Child> Children => seeded.Children;

    private IReadOnlyList<School> Schools => seeded.Schools;

    private School SchoolOf(Enrolment e) => Schools.Single(s => s.Id == e.SchoolId);

    private static int? NcYear(Child c) => c.NcYearIn(SeededDemoDatabase.Year)?.Value;

    private static bool HasCurrent(Child c, params ChildStatusType[] types) =>
        c.Statuses.Any(s => types.Contains(s.Type) && s.IsCurrentOn(Today));

    private static Enrolment? MainEnrolment(Child c) =>
        c.Enrolments.SingleOrDefault(e => e.Type != EnrolmentType.DualSubsidiary && e.IsCurrentOn(Today));

    private double Share(Func<Child, bool> predicate) => Children.Count(predicate) / (double)Children.Count;

    private School FirstPrimary => Schools.Single(s => s.Name == "St Aidan's CE Primary School");

    [Fact]
    public async Task Creates_the_demo_authority_with_the_exact_number_of_children()
    {
        await using var db = seeded.Database.CreateContext();
        var la = await db.LocalAuthorities.SingleAsync();
        Assert.Equal((823, "Eastmoor Council", true), (la.Code, la.Name, la.IsDemo));
        Assert.Equal(SeededDemoDatabase.Pupils, await db.Children.CountAsync());
        Assert.Equal(SeededDemoDatabase.Pupils, seeded.Result.Children);
        Assert.Equal(30, await db.Schools.CountAsync());
        Assert.Equal(30, seeded.Result.Schools);
        Assert.Equal(14, await db.Users.CountAsync());
        Assert.Equal(14, seeded.Result.Users);
        Assert.True(seeded.Result.Elapsed > TimeSpan.Zero);
        Assert.Contains(seeded.Progress, m => m.StartsWith("Children: 6,000 of 6,000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_closed_school_is_marked_closed_and_linked_to_the_school_that_took_its_pupils_as_gias_links_a_merger()
    {
        await using var db = seeded.Database.CreateContext();
        var links = await db.SchoolLinks.AsNoTracking().ToListAsync();
        var closed = Schools.Where(s => !s.IsOpen).ToList();

        Assert.NotEmpty(closed);
        Assert.All(closed, s => Assert.Equal((SchoolStatus.Closed, true), (s.Status, s.CloseDate is not null)));
        Assert.All(Schools.Where(s => s.IsOpen), s => Assert.Equal(SchoolStatus.Open, s.Status));
        Assert.Equal(closed.Count * 2, links.Count);
        foreach (var school in closed)
        {
            var successor = Assert.Single(links, l => l.SchoolId == school.Id);
            Assert.Equal(("Successor - merged", school.CloseDate), (successor.LinkType, successor.EstablishedOn));
            var open = Schools.Single(s => s.Urn == successor.LinkedUrn);
            Assert.True(open.IsOpen);
            var back = Assert.Single(links, l => l.SchoolId == open.Id);
            Assert.Equal((school.Urn, "Predecessor - merged", school.CloseDate!.Value.AddDays(1)), (back.LinkedUrn, back.LinkType, back.EstablishedOn!.Value));
        }
    }

    [Fact]
    public void Schools_are_a_realistic_mix_with_unique_numbers()
    {
        var primary = Schools.Count(s => s.Phase == SchoolPhase.Primary);
        var secondary = Schools.Count(s => s.Phase == SchoolPhase.Secondary);
        Assert.InRange(primary / (double)Schools.Count, 0.65, 0.80);
        Assert.InRange(secondary / (double)Schools.Count, 0.15, 0.25);
        Assert.Contains(Schools, s => s.Type == "Community special school" && s.Phase == SchoolPhase.NotApplicable && s.IsOpen);
        Assert.Contains(Schools, s => s.Type == "Pupil referral unit" && s.Phase == SchoolPhase.NotApplicable && s.IsOpen);
        Assert.InRange(Schools.Count(s => !s.IsOpen), 1, 2);
        Assert.Contains(Schools, s => s.Name == "Eastmoor Academy" && s.Phase == SchoolPhase.Secondary);

        Assert.All(Schools, s => Assert.InRange(s.Urn, 100000, 999999));
        Assert.Equal(Schools.Count, Schools.Select(s => s.Urn).Distinct().Count());
        Assert.Equal(Schools.Count, Schools.Select(s => s.EstablishmentNumber).Distinct().Count());
        Assert.Equal(Schools.Count, Schools.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(Schools, s => Assert.Equal(823, s.LaCode));
        Assert.All(Schools, s =>
        {
            var (low, high) = s switch
            {
                { Phase: SchoolPhase.Primary } => (2000, 3999),
                { Phase: SchoolPhase.Secondary } => (4000, 4999),
                { Type: "Pupil referral unit" } => (1100, 1199),
                _ => (7000, 7999),
            };
            Assert.InRange(s.EstablishmentNumber, low, high);
        });
        Assert.All(Schools.Where(s => s.Type.StartsWith("Voluntary", StringComparison.Ordinal) && s.Phase == SchoolPhase.Primary),
            s => Assert.InRange(s.EstablishmentNumber, 3000, 3999));
    }

    [Fact]
    public void Every_school_has_pupils_and_closed_schools_only_history()
    {
        var enrolments = Children.SelectMany(c => c.Enrolments).ToList();
        foreach (var school in Schools)
        {
            var at = enrolments.Where(e => e.SchoolId == school.Id).ToList();
            Assert.NotEmpty(at);
            if (school.IsOpen)
            {
                Assert.Contains(at, e => e.IsCurrentOn(Today));
            }
            else
            {
                Assert.All(at, e => Assert.True(e.EndDate < Today, $"{school.Name} is closed but has a current enrolment"));
            }
        }
    }

    [Fact]
    public void Every_upn_is_valid_and_unique()
    {
        Assert.All(Children, c =>
        {
            Assert.NotNull(c.Upn);
            var validation = Upn.Validate(c.Upn);
            Assert.True(validation.IsValid, $"{c.Upn}: {validation.Message}");
            Assert.False(Upn.IsTemporary(c.Upn!));
        });
        Assert.Equal(Children.Count, Children.Select(c => c.Upn).Distinct(StringComparer.Ordinal).Count());

        // Most UPNs were allocated in Eastmoor; children who moved in keep the one from their first school.
        Assert.InRange(Share(c => c.Upn!.Substring(1, 3) == "823"), 0.9, 0.99);

        var former = Children.SelectMany(c => c.FormerUpns).ToList();
        Assert.InRange(former.Count, Children.Count * 0.002, Children.Count * 0.01);
        Assert.All(former, f =>
        {
            Assert.True(Upn.Validate(f.Upn).IsValid, f.Upn);
            Assert.True(Upn.IsTemporary(f.Upn), f.Upn);
            Assert.True(f.RecordedAtUtc <= Today.ToDateTime(new TimeOnly(23, 59)));
        });
        Assert.Equal(former.Count, former.Select(f => f.Upn).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Upns_come_from_the_school_and_year_the_child_first_entered()
    {
        var fromFirstSchool = 0;
        foreach (var child in Children.Where(c => c.Upn!.Substring(1, 3) == "823"))
        {
            var first = child.Enrolments.OrderBy(e => e.StartDate).First();
            var school = SchoolOf(first);
            var receptionYear = SeededDemoDatabase.Year.StartYear - NcYear(child)!.Value;
            Assert.Equal((receptionYear % 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture), child.Upn!.Substring(8, 2));
            if (child.Upn.Substring(4, 4) == school.EstablishmentNumber.ToString("D4", System.Globalization.CultureInfo.InvariantCulture))
            {
                fromFirstSchool++;
            }
        }

        Assert.Equal(Children.Count(c => c.Upn!.Substring(1, 3) == "823"), fromFirstSchool);
    }

    [Fact]
    public void Pupils_are_at_schools_of_the_right_phase()
    {
        var onRoll = Children.Where(c => MainEnrolment(c) is not null).ToList();
        Assert.InRange(onRoll.Count / (double)Children.Count, 0.97, 0.995);
        foreach (var child in onRoll)
        {
            var year = NcYear(child);
            Assert.NotNull(year);
            Assert.InRange(year.Value, 0, 13);
            var school = SchoolOf(MainEnrolment(child)!);
            Assert.True(school.IsOpen);
            if (school.Phase == SchoolPhase.Primary)
            {
                Assert.InRange(year.Value, 0, 6);
            }
            else if (school.Phase == SchoolPhase.Secondary)
            {
                Assert.InRange(year.Value, 7, 13);
            }
            else
            {
                Assert.Equal(SchoolPhase.NotApplicable, school.Phase);
            }
        }

        // Every year group from Reception to Year 13 is on roll; the sixth form is smaller.
        var byYear = onRoll.GroupBy(c => NcYear(c)!.Value).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(Enumerable.Range(0, 14), y => Assert.True(byYear.GetValueOrDefault(y) > 0, $"no pupils in NC year {y}"));
        Assert.True(byYear[12] < byYear[11] * 0.6);

        // Sixth forms exist at some secondaries but not all.
        var secondaries = Schools.Where(s => s.Phase == SchoolPhase.Secondary && s.IsOpen).Select(s => s.Id).ToHashSet();
        var withSixthForm = onRoll.Where(c => NcYear(c) >= 12).Select(c => MainEnrolment(c)!.SchoolId)
            .Where(secondaries.Contains).ToHashSet();
        Assert.NotEmpty(withSixthForm);
        Assert.True(withSixthForm.Count < secondaries.Count);

        // Most current enrolments began on 1 September.
        Assert.True(onRoll.Count(c => MainEnrolment(c)!.StartDate is { Month: 9, Day: 1 }) > onRoll.Count * 0.8);
    }

    [Fact]
    public void Sixth_form_years_are_spent_only_at_schools_with_a_sixth_form()
    {
        // The schools with Year 12 or 13 pupils now are the ones with sixth forms.
        var sixthForms = Children.Where(c => NcYear(c) >= 12 && MainEnrolment(c) is { } e && SchoolOf(e).Phase == SchoolPhase.Secondary)
            .Select(c => MainEnrolment(c)!.SchoolId).ToHashSet();
        var checkedEnrolments = 0;
        foreach (var child in Children)
        {
            var sixthFormStart = new DateOnly(SeededDemoDatabase.Year.StartYear - NcYear(child)!.Value + 12, 9, 1);
            if (sixthFormStart > Today)
            {
                continue; // not old enough yet
            }

            foreach (var e in child.Enrolments.Where(e => (e.EndDate ?? DateOnly.MaxValue) >= sixthFormStart && SchoolOf(e).Phase == SchoolPhase.Secondary))
            {
                Assert.Contains(e.SchoolId, sixthForms);
                checkedEnrolments++;
            }
        }

        Assert.True(checkedEnrolments > 100);
    }

    [Fact]
    public void Secondary_pupils_also_have_an_ended_primary_enrolment()
    {
        var older = Children.Where(c => MainEnrolment(c) is not null && NcYear(c) >= 7).ToList();
        Assert.NotEmpty(older);
        Assert.All(older, c => Assert.Contains(c.Enrolments, e =>
            e.EndDate < Today && SchoolOf(e).Phase == SchoolPhase.Primary));
    }

    [Fact]
    public void Enrolments_are_well_formed()
    {
        Assert.All(Children, c =>
        {
            Assert.NotEmpty(c.Enrolments);
            Assert.All(c.Enrolments, e =>
            {
                Assert.True(e.StartDate <= Today);
                Assert.True(e.EndDate is null || e.EndDate >= e.StartDate);
                Assert.True(e.StartDate > c.DateOfBirth.AddYears(4));
            });
            Assert.True(c.Enrolments.Count(e => e.Type != EnrolmentType.DualSubsidiary && e.IsCurrentOn(Today)) <= 1);
        });
    }

    [Fact]
    public void Some_pupils_are_dual_registered_at_the_pupil_referral_unit()
    {
        var dual = Children.Where(c => c.Enrolments.Any(e => e.Type == EnrolmentType.DualSubsidiary && e.IsCurrentOn(Today))).ToList();
        Assert.NotEmpty(dual);
        Assert.All(dual, c =>
        {
            var subsidiary = c.Enrolments.Single(e => e.Type == EnrolmentType.DualSubsidiary && e.IsCurrentOn(Today));
            Assert.Equal("Pupil referral unit", SchoolOf(subsidiary).Type);
            var main = Assert.Single(c.Enrolments, e => e.Type == EnrolmentType.DualMain && e.IsCurrentOn(Today));
            Assert.Equal(SchoolPhase.Secondary, SchoolOf(main).Phase);
        });
    }

    [Fact]
    public void Leavers_have_only_past_enrolments()
    {
        var leavers = Children.Where(c => c.Enrolments.All(e => !e.IsCurrentOn(Today))).ToList();
        Assert.InRange(leavers.Count / (double)Children.Count, 0.005, 0.03);
        Assert.All(leavers, c => Assert.All(c.Enrolments, e => Assert.True(e.EndDate < Today)));
        Assert.Contains(leavers, c => HasCurrent(c, ChildStatusType.ElectiveHomeEducation));
        Assert.Contains(leavers, c => HasCurrent(c, ChildStatusType.ChildMissingEducation));
        Assert.All(Children.Where(c => HasCurrent(c, ChildStatusType.ElectiveHomeEducation, ChildStatusType.ChildMissingEducation)),
            c => Assert.Contains(c, leavers));
    }

    [Fact]
    public void Statuses_are_in_realistic_proportions()
    {
        Assert.InRange(Share(c => HasCurrent(c, ChildStatusType.ChildInNeed)), 0.010, 0.022);
        Assert.InRange(Share(c => HasCurrent(c, ChildStatusType.ChildProtectionPlan)), 0.002, 0.008);
        Assert.InRange(Share(c => HasCurrent(c, ChildStatusType.LookedAfter)), 0.003, 0.010);
        Assert.InRange(Share(c => HasCurrent(c, ChildStatusType.EhcPlan)), 0.010, 0.022);
        Assert.InRange(Share(c => HasCurrent(c, ChildStatusType.SenSupport)), 0.013, 0.030);
        Assert.InRange(Share(c => HasCurrent(c,
            ChildStatusType.ChildInNeed, ChildStatusType.ChildProtectionPlan, ChildStatusType.LookedAfter,
            ChildStatusType.EhcPlan, ChildStatusType.SenSupport)), 0.035, 0.075);
        Assert.InRange(Share(c => HasCurrent(c, ChildStatusType.EarlyHelp)), 0.003, 0.015);
        // Free school meals come only from Common Transfer Files; the demo makes none.
        foreach (var type in Enum.GetValues<ChildStatusType>().Where(t => t != ChildStatusType.FreeSchoolMeals))
        {
            Assert.True(Children.Any(c => HasCurrent(c, type)), $"no child has a current {type}");
        }

        // Nobody is both CIN and on a CP plan at once.
        Assert.DoesNotContain(Children, c => HasCurrent(c, ChildStatusType.ChildInNeed) && HasCurrent(c, ChildStatusType.ChildProtectionPlan));
    }

    [Fact]
    public void Status_episodes_are_well_formed_with_history()
    {
        var statuses = Children.SelectMany(c => c.Statuses.Select(s => (Child: c, Status: s))).ToList();
        Assert.All(statuses, x =>
        {
            Assert.True(x.Status.StartDate <= Today);
            Assert.True(x.Status.StartDate >= x.Child.DateOfBirth);
            Assert.True(x.Status.EndDate is null || x.Status.EndDate >= x.Status.StartDate);
            if (x.Status.Type is ChildStatusType.EhcPlan or ChildStatusType.SenSupport)
            {
                Assert.NotNull(x.Status.PrimaryNeed);
            }
            else
            {
                Assert.Null(x.Status.PrimaryNeed);
            }
        });
        Assert.DoesNotContain(statuses, x => x.Status is { Type: ChildStatusType.EhcPlan, PrimaryNeed: SenPrimaryNeed.NSA });
        Assert.Contains(statuses, x => x.Status.Type == ChildStatusType.SenSupport && x.Status.EndDate < Today);
        Assert.Contains(statuses, x => x.Status.Type == ChildStatusType.ChildInNeed && x.Status.EndDate < Today);
        Assert.True(statuses.Count(x => x.Status.Type == ChildStatusType.EhcPlan) > 10);
        Assert.True(statuses.Where(x => x.Status.Type == ChildStatusType.EhcPlan).Select(x => x.Status.PrimaryNeed).Distinct().Count() >= 4);
    }

    [Fact]
    public void Care_leavers_are_adults_whose_care_has_ended()
    {
        var careLeavers = Children.Where(c => HasCurrent(c, ChildStatusType.CareLeaver)).ToList();
        Assert.NotEmpty(careLeavers);
        Assert.All(careLeavers, c =>
        {
            Assert.True(c.DateOfBirth.AddYears(18) <= Today);
            Assert.False(HasCurrent(c, ChildStatusType.LookedAfter));
            Assert.Contains(c.Statuses, s => s.Type == ChildStatusType.LookedAfter && s.EndDate < Today);
        });
    }

    [Fact]
    public void Years_5_and_6_include_children_with_a_plan()
    {
        foreach (var year in new[] { 5, 6 })
        {
            var cohort = Children.Where(c => MainEnrolment(c) is not null && NcYear(c) == year).ToList();
            var withPlan = cohort.Count(c => HasCurrent(c, ChildStatusType.ChildInNeed, ChildStatusType.ChildProtectionPlan));
            Assert.True(withPlan > 0, $"no Year {year} child has a CIN or CP plan");
            Assert.InRange(withPlan / (double)cohort.Count, 0.03, 0.08);
        }
    }

    [Fact]
    public void Every_child_with_a_social_care_plan_has_a_current_social_worker()
    {
        var withPlan = Children.Where(c => HasCurrent(c,
            ChildStatusType.ChildInNeed, ChildStatusType.ChildProtectionPlan, ChildStatusType.LookedAfter)).ToList();
        Assert.NotEmpty(withPlan);
        Assert.All(withPlan, c =>
        {
            var worker = Assert.Single(c.KeyPeople, k => k.Role == KeyPersonRole.SocialWorker && k.IsCurrentOn(Today));
            if (worker.UserId is null)
            {
                Assert.False(string.IsNullOrWhiteSpace(worker.ExternalName));
                Assert.Equal("Eastmoor Children's Social Care", worker.ExternalOrganisation);
                Assert.EndsWith("@eastmoor.example", worker.ExternalEmail, StringComparison.Ordinal);
            }
        });

        Assert.All(Children.SelectMany(c => c.KeyPeople), k =>
        {
            Assert.True(k.StartDate <= Today);
            Assert.True(k.EndDate is null || k.EndDate >= k.StartDate);
            Assert.True(k.UserId is not null ^ k.ExternalName is not null);
        });
    }

    [Fact]
    public async Task The_demo_social_worker_has_a_caseload_including_the_transition_cohort()
    {
        var worker = seeded.Users.Single(u => u.Email == "social.worker@eastmoor.example");
        await using var db = seeded.Database.CreateContext();
        var caseload = await db.Children.VisibleTo(db, new UserScope(worker.Id, worker.Role, worker.SchoolId), Today)
            .Include(c => c.Statuses)
            .ToListAsync();

        Assert.Equal(25, caseload.Count);
        Assert.All(caseload, c => Assert.True(HasCurrent(c,
            ChildStatusType.ChildInNeed, ChildStatusType.ChildProtectionPlan, ChildStatusType.LookedAfter)));
        Assert.InRange(caseload.Count(c => NcYear(c) is 5 or 6), 4, 10);
    }

    [Fact]
    public async Task The_demo_primary_staff_are_key_people_for_their_pupils()
    {
        var lead = seeded.Users.Single(u => u.Email == "transition.lead@eastmoor.example");
        var senco = seeded.Users.Single(u => u.Email == "senco@eastmoor.example");
        var atSchool = Children.Where(c => MainEnrolment(c)?.SchoolId == FirstPrimary.Id).ToList();

        var led = Children.Where(c => c.KeyPeople.Any(k => k.UserId == lead.Id)).ToList();
        Assert.True(led.Count >= 4, $"the transition lead has only {led.Count} children");
        Assert.All(led, c =>
        {
            Assert.Contains(c, atSchool);
            Assert.Contains(NcYear(c), new int?[] { 5, 6 });
            Assert.Single(c.KeyPeople, k => k.UserId == lead.Id && k.Role == KeyPersonRole.TransitionLead && k.IsCurrentOn(Today));
        });
        Assert.Equal(
            atSchool.Where(c => NcYear(c) is 5 or 6 && HasCurrent(c, ChildStatusType.ChildInNeed, ChildStatusType.ChildProtectionPlan)).Select(c => c.Id).Order(),
            led.Select(c => c.Id).Order());

        var withSen = atSchool.Where(c => HasCurrent(c, ChildStatusType.SenSupport, ChildStatusType.EhcPlan)).Select(c => c.Id).Order().ToList();
        Assert.NotEmpty(withSen);
        Assert.Equal(withSen, Children.Where(c => c.KeyPeople.Any(k => k.UserId == senco.Id && k.Role == KeyPersonRole.Senco && k.IsCurrentOn(Today)))
            .Select(c => c.Id).Order());

        // The transition lead shares children with the demo social worker.
        var worker = seeded.Users.Single(u => u.Email == "social.worker@eastmoor.example");
        Assert.Contains(led, c => c.KeyPeople.Any(k => k.UserId == worker.Id));

        // School staff see their own roll.
        await using var db = seeded.Database.CreateContext();
        var roll = await db.Children.VisibleTo(db, new UserScope(lead.Id, lead.Role, lead.SchoolId), Today).CountAsync();
        Assert.Equal(atSchool.Count, roll);
        Assert.True(roll > 100);
    }

    [Fact]
    public void Demo_accounts_can_sign_in_with_the_demo_password()
    {
        var expected = new (string Email, Role Role, string? School)[]
        {
            ("admin@eastmoor.example", Role.LaAdmin, null),
            ("officer@eastmoor.example", Role.LaOfficer, null),
            ("social.worker@eastmoor.example", Role.SocialWorker, null),
            ("advisory.teacher@eastmoor.example", Role.AdvisoryTeacher, null),
            ("analyst@eastmoor.example", Role.Analyst, null),
            ("caldicott.guardian@eastmoor.example", Role.CaldicottGuardian, null),
            ("lead.professional@eastmoor.example", Role.LeadProfessional, null),
            ("pfa.worker@eastmoor.example", Role.PfaWorker, null),
            ("transition.lead@eastmoor.example", Role.TransitionLead, "St Aidan's CE Primary School"),
            ("senco@eastmoor.example", Role.Senco, "St Aidan's CE Primary School"),
            ("attendance.lead@eastmoor.example", Role.AttendanceLead, "St Aidan's CE Primary School"),
            ("headteacher@eastmoor.example", Role.Headteacher, "St Aidan's CE Primary School"),
            ("secondary.transition.lead@eastmoor.example", Role.TransitionLead, "Eastmoor Academy"),
            ("sen.officer@eastmoor.example", Role.SenCaseOfficer, null),
        };
        Assert.Equal(expected.Order(), seeded.Result.Accounts.Select(a => (a.Email, a.Role, a.SchoolName)).Order());

        var hasher = new PasswordHasher<WaymarkUser>();
        Assert.All(seeded.Users, u =>
        {
            var account = expected.Single(e => e.Email == u.Email);
            Assert.Equal(account.Role, u.Role);
            Assert.Equal(account.School, u.SchoolId is int id ? Schools.Single(s => s.Id == id).Name : null);
            Assert.Equal(u.Email, u.UserName);
            Assert.Equal(u.Email!.ToUpperInvariant(), u.NormalizedEmail);
            Assert.Equal(u.Email.ToUpperInvariant(), u.NormalizedUserName);
            Assert.True(u.EmailConfirmed);
            Assert.True(u.IsActive);
            Assert.True(Guid.TryParse(u.SecurityStamp, out _));
            Assert.Contains(' ', u.DisplayName);
            Assert.NotEqual(default, u.CreatedAtUtc);
            Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(u, u.PasswordHash!, DemoAccounts.Password));
            Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(u, u.PasswordHash!, "wrong password"));
        });
    }

    [GeneratedRegex("^EM([1-9]|1[0-2]) [1-9][A-Z]{2}$")]
    private static partial Regex PostcodePattern();

    [Fact]
    public void Children_have_plausible_personal_details()
    {
        Assert.All(Children, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.LegalForename));
            Assert.False(string.IsNullOrWhiteSpace(c.LegalSurname));
            Assert.Contains(c.EthnicityCode!, (IReadOnlyDictionary<string, string>)EthnicityCodes.All);
            Assert.Matches(PostcodePattern(), c.Postcode!);
            Assert.NotNull(NcYear(c));
            Assert.Equal(Today.ToDateTime(TimeOnly.MinValue), c.CreatedAtUtc);
            Assert.Equal(c.CreatedAtUtc, c.UpdatedAtUtc);

            var expected = NameSearch.Normalise(string.Join(' ', new[] { c.LegalForename, c.MiddleNames, c.LegalSurname, c.PreferredForename, c.PreferredSurname }
                .Where(n => n is not null)));
            Assert.Equal(expected, c.SearchName);
            Assert.Contains(NameSearch.Normalise(c.LegalSurname), c.SearchName, StringComparison.Ordinal);
        });

        Assert.InRange(Share(c => c.MiddleNames is not null), 0.3, 0.7);
        Assert.InRange(Share(c => c.PreferredForename is not null), 0.01, 0.1);
        Assert.Contains(Children, c => c.PreferredSurname is not null);
        Assert.InRange(Share(c => c.EthnicityCode == "WBRI"), 0.55, 0.72);
        Assert.True(Children.Select(c => c.EthnicityCode).Distinct().Count() >= 15);
        Assert.InRange(Share(c => c.FirstLanguage == "English"), 0.7, 0.92);
        Assert.InRange(Share(c => c.Sex == Sex.Female), 0.45, 0.53);
        Assert.InRange(Share(c => c.Sex == Sex.Male), 0.47, 0.55);
        Assert.True(Children.Select(c => c.LegalSurname).Distinct().Count() > 200);
        Assert.Equal(Children.Count, Children.Select(c => c.Id).Distinct().Count());
    }
}

public sealed class SqliteDemoDataTests(SqliteSeededDemoDatabase seeded)
    : DemoDataTests(seeded), IClassFixture<SqliteSeededDemoDatabase>;

public sealed class PostgresDemoDataTests(PostgresSeededDemoDatabase seeded)
    : DemoDataTests(seeded), IClassFixture<PostgresSeededDemoDatabase>;
