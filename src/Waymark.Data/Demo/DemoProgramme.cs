using System.Globalization;
using System.Text;
using Bogus;
using Waymark.Data.Entities;
using Waymark.Domain.Calendar;

namespace Waymark.Data.Demo;

/// <summary>A demo account as the transition demo needs it: who to record changes as, and their name.</summary>
internal sealed record DemoPerson(string Id, string Name);

/// <summary>The demo accounts that appear in the transition programme.</summary>
internal sealed record DemoProgrammeStaff(
    DemoPerson Officer,
    DemoPerson AdvisoryTeacher,
    DemoPerson SocialWorker,
    DemoPerson TransitionLead,
    DemoPerson Senco,
    DemoPerson Headteacher,
    DemoPerson AttendanceLead,
    DemoPerson SecondaryLead);

/// <summary>One entry of the demo intervention catalogue, with how the demo enrols children on it.</summary>
internal sealed record DemoInterventionKind(
    string Name,
    string Description,
    string? Provider,
    string? OutcomeMeasure,
    int MinSessions,
    int MaxSessions,
    int DaysBetweenSessions,
    int ScoreMax,
    double Weight,
    bool IsActive = true)
{
    public int Id { get; set; }
}

/// <summary>
/// The programme-wide part of the demo transition programme: the cohort criteria, the intervention
/// catalogue, each school's named Transition Lead, and the training given to schools and social workers.
/// Some schools have no lead and some no training, so the LA's board has gaps to show.
/// </summary>
internal sealed class DemoProgramme
{
    public const string ExtraVisits = "Extra transition visits";

    public static IReadOnlyList<DemoInterventionKind> NewCatalogue() =>
    [
        new("Resilience programme",
            "Eight weekly group sessions in school on coping with change, friendships and worries, usually in the summer term of Year 6.",
            "Eastmoor Educational Psychology Service", "Resilience scale (0 to 40)", 8, 8, 7, 40, 30),
        new("One-to-one therapeutic support",
            "Weekly sessions with a therapeutic practitioner for a child whose worries or experiences make the move harder.",
            "Eastmoor Therapeutic Service for Children", "Wellbeing scale (0 to 50)", 6, 12, 7, 50, 20),
        new("Behaviour outreach (BOSS)",
            "The Behaviour Outreach Support Service observes the child in class, advises staff and works with the child in short blocks.",
            "Eastmoor Behaviour Outreach Support Service (BOSS)", "Classroom engagement rating (0 to 20)", 4, 6, 14, 20, 15),
        new("Mentoring",
            "A trained mentor meets the child every week across the move, from the summer term of Year 6 into Year 7.",
            "Eastmoor Youth Mentoring Partnership", "Self-esteem scale (0 to 30)", 10, 14, 7, 30, 20),
        new(ExtraVisits,
            "Extra visits to the secondary school with a familiar adult, on top of the usual transition day.",
            null, null, 2, 4, 14, 0, 25),
        new("Lunchtime nurture group",
            "A pilot nurture group at lunchtimes for Year 6; it ended in July and the resilience programme replaced it.",
            "Eastmoor Inclusion Team", null, 10, 10, 7, 0, 0, IsActive: false),
    ];

    private static readonly string[] WholeSchoolTopics =
    [
        "Supporting vulnerable children through the move to secondary school",
        "Children with a social worker: what school staff can do",
        "Trauma-informed practice in the classroom",
    ];

    private static readonly string[] TargetedSchoolTopics =
    [
        "Transition Leads' network: completing the Transition Planning Profile",
        "Running person-centred planning meetings",
        "Sharing information safely: consent and the Transition Passport",
    ];

    private static readonly string[] SocialWorkTopics =
    [
        "The move to secondary school: the social worker's part",
        "Person-centred planning meetings for children in need",
    ];

    private static readonly string[] Trainers =
    [
        "Eastmoor Inclusion Team",
        "Eastmoor Educational Psychology Service",
        "Eastmoor Virtual School",
    ];

    private DemoProgramme(Dictionary<int, string> leads, IReadOnlyList<DemoInterventionKind> catalogue)
    {
        Leads = leads;
        Catalogue = catalogue;
    }

    /// <summary>Each school's current Transition Lead, by school id; absent when the school has none.</summary>
    public IReadOnlyDictionary<int, string> Leads { get; }

    public IReadOnlyList<DemoInterventionKind> Catalogue { get; }

    public static async Task<DemoProgramme> SeedAsync(
        WaymarkDbContext db,
        DemoSchools schools,
        DemoProgrammeStaff staff,
        IReadOnlyList<DemoContact> socialWorkers,
        IReadOnlySet<int> cohortSchoolIds,
        DateOnly today,
        Randomizer random,
        CancellationToken ct)
    {
        var year = AcademicYear.Containing(today);
        var programmeStart = new AcademicYear(year.StartYear - 2).Start.AddDays(14);
        db.TransitionCohortSettings.Add(new TransitionCohortSettings
        {
            ChildInNeed = true,
            ChildProtection = true,
            UpdatedAtUtc = At(programmeStart, 10, 0),
            UpdatedByUserId = staff.Officer.Id,
        });

        var catalogue = NewCatalogue();
        var interventions = catalogue.Select(k => new Intervention
        {
            Name = k.Name,
            Description = k.Description,
            DefaultProvider = k.Provider,
            OutcomeMeasure = k.OutcomeMeasure,
            IsActive = k.IsActive,
        }).ToList();
        db.Interventions.AddRange(interventions);

        var open = schools.All.Where(s => s.Entity.IsOpen && s.Kind is DemoSchoolKind.Primary or DemoSchoolKind.Secondary or DemoSchoolKind.Special).ToList();
        var leads = NameLeads(db, schools, staff, open, cohortSchoolIds, today, random);
        var leaves = new DemoLeafRows();
        AddTraining(db, leaves, schools, staff, socialWorkers, open, cohortSchoolIds, leads, today, random);

        await db.SaveChangesAsync(ct);
        await leaves.WriteAsync(db, ct);
        for (var i = 0; i < catalogue.Count; i++)
        {
            catalogue[i].Id = interventions[i].Id;
        }

        db.ChangeTracker.Clear();
        return new DemoProgramme(leads, catalogue);
    }

    private static Dictionary<int, string> NameLeads(
        WaymarkDbContext db,
        DemoSchools schools,
        DemoProgrammeStaff staff,
        List<DemoSchool> open,
        IReadOnlySet<int> cohortSchoolIds,
        DateOnly today,
        Randomizer random)
    {
        var firstPrimary = schools.FirstPrimary.Entity.Id;
        var firstSecondary = schools.FirstSecondary.Entity.Id;
        var earliest = today.AddYears(-4);

        // About one school in six has nobody named, and at least one school with children in the cohort.
        var without = open.Where(s => s.Entity.Id != firstPrimary && s.Entity.Id != firstSecondary && random.Chance(0.17))
            .Select(s => s.Entity.Id).ToHashSet();
        if (!without.Overlaps(cohortSchoolIds))
        {
            var gap = cohortSchoolIds.Where(id => id != firstPrimary && id != firstSecondary).Order().ToList();
            if (gap.Count > 0)
            {
                without.Add(random.Pick(gap));
            }
        }

        var leads = new Dictionary<int, string>();
        var phone = 0;
        foreach (var school in open)
        {
            var id = school.Entity.Id;
            var domain = SchoolDomain(school.Entity.Name);
            var named = random.DateBetween(earliest, today.AddDays(-30));
            if (random.Chance(0.15) || without.Contains(id))
            {
                // A lead who has moved on: named earlier, since ended.
                var (f, s) = DemoNames.Adult(random);
                var ended = random.DateBetween(named.AddDays(60), today.AddDays(-10));
                db.SchoolTransitionLeads.Add(Lead(id, $"{f} {s}", domain, ref phone, null, named, ended));
                named = ended.AddDays(random.Number(1, 25));
                if (named > today)
                {
                    named = today;
                }
            }

            if (without.Contains(id))
            {
                continue;
            }

            string name;
            string? userId = null;
            string? email = null;
            if (id == firstPrimary)
            {
                (name, userId, email) = (staff.TransitionLead.Name, staff.TransitionLead.Id, Email("transition.lead"));
            }
            else if (id == firstSecondary)
            {
                (name, userId, email) = (staff.SecondaryLead.Name, staff.SecondaryLead.Id, Email("secondary.transition.lead"));
            }
            else
            {
                var (f, s) = DemoNames.Adult(random);
                name = $"{f} {s}";
            }

            var lead = Lead(id, name, domain, ref phone, userId, named, null);
            if (email is not null)
            {
                lead.Email = email;
            }

            db.SchoolTransitionLeads.Add(lead);
            leads[id] = name;
        }

        return leads;
    }

    private static SchoolTransitionLead Lead(int schoolId, string name, string domain, ref int phone, string? userId, DateOnly named, DateOnly? ended)
    {
        var local = Ascii(name.Replace(' ', '.'));
        var number = phone++ % 1000;
        return new SchoolTransitionLead
        {
            SchoolId = schoolId,
            Name = name,
            Email = $"{local}@{domain}",

            // 01632 960000 to 960999 are set aside by Ofcom for drama, so these numbers reach nobody.
            Phone = string.Create(CultureInfo.InvariantCulture, $"01632 960{number:D3}"),
            UserId = userId,
            NamedOn = named,
            EndedOn = ended,
        };
    }

    private static void AddTraining(
        WaymarkDbContext db,
        DemoLeafRows leaves,
        DemoSchools schools,
        DemoProgrammeStaff staff,
        IReadOnlyList<DemoContact> socialWorkers,
        List<DemoSchool> open,
        IReadOnlySet<int> cohortSchoolIds,
        Dictionary<int, string> leads,
        DateOnly today,
        Randomizer random)
    {
        var year = AcademicYear.Containing(today);
        var from = new AcademicYear(year.StartYear - 1).Start.AddDays(10);
        var to = today.AddDays(-1);
        var firstPrimary = schools.FirstPrimary.Entity.Id;
        var firstSecondary = schools.FirstSecondary.Entity.Id;
        var mainstream = open.Where(s => s.Kind is DemoSchoolKind.Primary or DemoSchoolKind.Secondary).ToList();

        // About half the schools have had whole-school training; at least one school in the cohort has not.
        var trained = mainstream.Where(s => s.Entity.Id == firstPrimary || s.Entity.Id == firstSecondary || random.Chance(0.5))
            .Select(s => s.Entity.Id).ToHashSet();
        if (cohortSchoolIds.Where(id => id != firstPrimary).All(trained.Contains))
        {
            var candidates = cohortSchoolIds.Where(id => id != firstPrimary && id != firstSecondary).Order().ToList();
            if (candidates.Count > 0)
            {
                trained.Remove(random.Pick(candidates));
            }
        }

        foreach (var school in mainstream.Where(s => trained.Contains(s.Entity.Id)))
        {
            var id = school.Entity.Id;
            var session = new TrainingSession
            {
                Kind = TrainingKind.WholeSchool,
                Audience = TrainingAudience.SchoolStaff,
                Topic = random.Pick(WholeSchoolTopics),
                Date = DemoDates.SchoolDay(random, from, to),
                Trainer = random.Pick(Trainers),
                SchoolId = id,
            };
            var named = new List<(string Name, string Title)>();
            if (id == firstPrimary)
            {
                named.Add((staff.TransitionLead.Name, "Transition Lead"));
                named.Add((staff.Senco.Name, "SENCo"));
                named.Add((staff.Headteacher.Name, "Headteacher"));
                named.Add((staff.AttendanceLead.Name, "Attendance lead"));
            }
            else if (id == firstSecondary)
            {
                named.Add((staff.SecondaryLead.Name, "Transition Lead"));
            }
            else if (leads.TryGetValue(id, out var lead))
            {
                named.Add((lead, "Transition Lead"));
            }

            var size = school.Kind == DemoSchoolKind.Secondary ? random.Number(18, 40) : random.Number(8, 22);
            foreach (var (name, title) in named)
            {
                leaves.Attendees.Add((session, new TrainingAttendee { Name = name, JobTitle = title, Type = TrainingAudience.SchoolStaff, SchoolId = id }));
            }

            for (var i = named.Count; i < size; i++)
            {
                var (f, s) = DemoNames.Adult(random);
                leaves.Attendees.Add((session, new TrainingAttendee
                {
                    Name = $"{f} {s}",
                    JobTitle = random.Pick(DemoTransitionText.SchoolJobTitles),
                    Type = TrainingAudience.SchoolStaff,
                    SchoolId = id,
                }));
            }

            db.TrainingSessions.Add(session);
        }

        // Targeted sessions for Transition Leads from several schools, one a term.
        var termStarts = new List<DateOnly>();
        for (var start = from; start <= to; start = start.AddMonths(4))
        {
            termStarts.Add(start);
        }

        var leadSchools = leads.Keys.Order().ToList();
        foreach (var start in termStarts)
        {
            var session = new TrainingSession
            {
                Kind = TrainingKind.Targeted,
                Audience = TrainingAudience.SchoolStaff,
                Topic = random.Pick(TargetedSchoolTopics),
                Date = DemoDates.SchoolDay(random, start, DemoRandom.Min(start.AddDays(60), to)),
                Trainer = "Transition programme team, Eastmoor Council",
            };
            var count = Math.Min(leadSchools.Count, random.Number(5, 14));
            foreach (var id in leadSchools.OrderBy(_ => random.Number(0, 1_000_000)).Take(count).Order())
            {
                leaves.Attendees.Add((session, new TrainingAttendee { Name = leads[id], JobTitle = "Transition Lead", Type = TrainingAudience.SchoolStaff, SchoolId = id }));
            }

            db.TrainingSessions.Add(session);
        }

        // Social workers are trained too, though fewer of them come.
        var sessions = Math.Max(2, socialWorkers.Count / 25);
        for (var n = 0; n < sessions; n++)
        {
            var session = new TrainingSession
            {
                Kind = TrainingKind.Targeted,
                Audience = TrainingAudience.SocialWorkers,
                Topic = SocialWorkTopics[n % SocialWorkTopics.Length],
                Date = DemoDates.SchoolDay(random, from, to),
                Trainer = n % 2 == 0 ? "Transition programme team, Eastmoor Council" : "Eastmoor Virtual School",
            };
            if (n == 0)
            {
                leaves.Attendees.Add((session, new TrainingAttendee { Name = staff.SocialWorker.Name, JobTitle = "Social worker", Type = TrainingAudience.SocialWorkers }));
            }

            var count = Math.Min(socialWorkers.Count, random.Number(5, 15));
            foreach (var worker in socialWorkers.Skip(random.Number(0, Math.Max(0, socialWorkers.Count - count))).Take(count))
            {
                leaves.Attendees.Add((session, new TrainingAttendee
                {
                    Name = worker.Name,
                    JobTitle = random.Pick(DemoTransitionText.SocialWorkJobTitles),
                    Type = TrainingAudience.SocialWorkers,
                }));
            }

            db.TrainingSessions.Add(session);
        }
    }

    private static string Email(string localPart) => $"{localPart}@{DemoAccounts.EmailDomain}";

    /// <summary>A fictional e-mail domain for a school, under the reserved .example domain.</summary>
    private static string SchoolDomain(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("School" or "CE" or "RC" or "(Aided)" or "Community" or "Primary" or "Academy" or "of" or "the" or "The"))
            .Take(2);
        var slug = Ascii(string.Concat(words));
        return $"{(slug.Length == 0 ? "school" : slug)}.sch.{DemoAccounts.EmailDomain}";
    }

    private static string Ascii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '.')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    public static DateTime At(DateOnly date, int hour, int minute) =>
        date.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc);
}

/// <summary>Dates that fall on school days.</summary>
internal static class DemoDates
{
    /// <summary>A weekday between the two dates where there is one; the range is kept even if it holds only a weekend.</summary>
    public static DateOnly SchoolDay(Randomizer random, DateOnly from, DateOnly to)
    {
        var day = random.DateBetween(from, to);
        return day.DayOfWeek switch
        {
            DayOfWeek.Saturday => day.AddDays(-1) >= from ? day.AddDays(-1) : day.AddDays(2) <= to ? day.AddDays(2) : day,
            DayOfWeek.Sunday => day.AddDays(-2) >= from ? day.AddDays(-2) : day.AddDays(1) <= to ? day.AddDays(1) : day,
            _ => day,
        };
    }
}
