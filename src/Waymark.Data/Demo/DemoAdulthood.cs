using Microsoft.EntityFrameworkCore;
using Waymark.Data.Access;
using Waymark.Data.Entities;
using Waymark.Domain.Adulthood;
using Waymark.Domain.Children;

namespace Waymark.Data.Demo;

/// <summary>
/// Preparing for adulthood for Eastmoor: young people of the PfA cohort (EHC plans from Year 9, and the care leavers) at
/// every stage of the checklist, some with overdue items and some found not eligible for Adult Social Care; care leavers
/// with a personal adviser and pathway plan reviews (some overdue); a joint panel that has met and decided, and one to come.
/// </summary>
internal static class DemoAdulthood
{
    private static readonly string[] Owners =
    [
        "Nadia Rahman, Preparing for Adulthood team", "Tom Quigley, Adult Social Care", "Eastmoor College SEND team",
        "Dr Joy Ellis, Eastmoor Community Health", "Housing Options, Eastmoor Council",
    ];

    private static readonly string[] Advisers = ["Lucy Barnes", "Kwame Mensah", "Sarah O'Neill"];

    public static async Task SeedAsync(WaymarkDbContext db, DemoPerson worker, DateOnly today, DateTime stamp, CancellationToken ct)
    {
        var cohort = await db.Children.AsNoTracking().Where(AdulthoodScoping.StatutoryCohort(today))
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.DateOfBirth, CareLeaver = c.Statuses.Any(s => s.Type == ChildStatusType.CareLeaver && s.EndDate == null) })
            .Take(80)
            .ToListAsync(ct);

        var stage = 0;
        foreach (var person in cohort)
        {
            var age = PfaAges.AgeOn(person.DateOfBirth, today);
            foreach (var item in ItemsFor(stage++ % 7, age, person.DateOfBirth, today))
            {
                item.ChildId = person.Id;
                item.UpdatedByUserId = worker.Id;
                item.UpdatedAtUtc = stamp;
                db.PfaChecklistItems.Add(item);
            }

            if (person.CareLeaver)
            {
                var n = stage;
                var started = DemoRandom.Max(PfaAges.Birthday(person.DateOfBirth, 16), today.AddMonths(-30));
                db.CareLeaverDetails.Add(new CareLeaverDetails
                {
                    ChildId = person.Id, PersonalAdviser = Advisers[n % Advisers.Length], EetStatus = (EetStatus)(n % 5), EetStatusOn = today.AddMonths(-(n % 9) - 1),
                    PathwayPlanStartedOn = started, UpdatedByUserId = worker.Id, UpdatedAtUtc = stamp,
                });

                // Every other care leaver is overdue a review: the last was eight months ago.
                for (var last = today.AddMonths(n % 2 == 0 ? -3 : -8); last > started; last = last.AddMonths(-6))
                {
                    db.PathwayPlanReviews.Add(new PathwayPlanReview
                    {
                        ChildId = person.Id, ReviewedOn = last, Note = "Pathway plan reviewed with the young person and their personal adviser",
                        RecordedByUserId = worker.Id, RecordedAtUtc = stamp,
                    });
                }
            }
        }

        var met = new JointPanel
        {
            MeetsOn = today.AddDays(-21), Agencies = JointPanels.Join([PanelAgency.AdultSocialCare, PanelAgency.ChildrensSocialCare, PanelAgency.Health, PanelAgency.SendService]),
            CreatedByUserId = worker.Id, CreatedAtUtc = stamp,
        };
        var next = new JointPanel
        {
            MeetsOn = today.AddDays(14), Agencies = JointPanels.Join([PanelAgency.AdultSocialCare, PanelAgency.Housing, PanelAgency.SendService, PanelAgency.Education]),
            CreatedByUserId = worker.Id, CreatedAtUtc = stamp,
        };
        var older = cohort.Where(p => PfaAges.AgeOn(p.DateOfBirth, today) >= 16).Take(5).ToList();
        for (var i = 0; i < older.Count; i++)
        {
            var decided = i < 3;
            (decided ? met : next).Cases.Add(new JointPanelCase
            {
                ChildId = older[i].Id,
                Reason = decided ? "Complex health needs and no agreed adult placement" : "Housing at 18 and whether Adult Social Care will assess",
                Decision = decided ? "Adult Social Care to complete a Care Act transition assessment; health to name an adult lead" : null,
                Actions = decided ? "Transition assessment booked; continuing healthcare checklist" : null,
                ActionsOwner = decided ? "Tom Quigley, Adult Social Care" : null,
                ActionsDueOn = decided ? today.AddDays(30) : null,
                ListedByUserId = worker.Id, DecidedByUserId = decided ? worker.Id : null, UpdatedAtUtc = stamp,
            });
        }

        db.JointPanels.AddRange(met, next);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The checklist at one of seven stages, as far as the young person's age makes sense of it.</summary>
    private static IEnumerable<PfaChecklistItem> ItemsFor(int stage, int age, DateOnly born, DateOnly today)
    {
        PfaChecklistItem Item(PfaItem item, PfaItemStatus status, int owner, string? note = null) => new()
        {
            Item = item, Status = status, Owner = Owners[owner], DueOn = PfaChecklist.DefaultDueOn(item, born),
            EvidenceNote = note ?? (PfaChecklist.IsClosed(status) ? "Recorded at the annual review" : null),
            ClosedOn = PfaChecklist.IsClosed(status) ? DemoRandom.Max(PfaChecklist.DefaultDueOn(item, born).AddDays(-30), PfaAges.ChecklistStartsOn(born)) : null,
            UpdatedByUserId = "",
        };

        switch (stage)
        {
            case 0:
                yield break; // nothing recorded yet: items past their age show overdue
            case 1:
                yield return Item(PfaItem.PlanningStarted, PfaItemStatus.Done, 0, "Year 9 annual review focused on preparing for adulthood");
                yield return Item(PfaItem.InformationGivenToFamily, PfaItemStatus.Done, 0, "Local Offer guide and Leaving Care Offer given to parents");
                break;
            case 2:
                yield return Item(PfaItem.PlanningStarted, PfaItemStatus.Done, 0);
                yield return Item(PfaItem.InformationGivenToFamily, PfaItemStatus.Done, 0);
                yield return Item(PfaItem.IndependentTravelTraining, PfaItemStatus.InProgress, 2);
                break;
            case 3:
                yield return Item(PfaItem.PlanningStarted, PfaItemStatus.InProgress, 0);
                break;
            case 4:
                yield return Item(PfaItem.PlanningStarted, PfaItemStatus.Done, 0);
                yield return Item(PfaItem.InformationGivenToFamily, PfaItemStatus.Done, 0);
                yield return Item(PfaItem.IndependentTravelTraining, PfaItemStatus.NotNeeded, 2, "Travels independently already; agreed at review");
                if (age >= 16)
                {
                    yield return Item(PfaItem.AscEligibilityConsidered, PfaItemStatus.Done, 1, "Adult Social Care checklist completed");
                    yield return Item(PfaItem.HealthTransition, PfaItemStatus.InProgress, 3);
                }

                if (age >= 17)
                {
                    yield return Item(PfaItem.AscReferralMade, PfaItemStatus.Done, 1, "Referral accepted by Adult Social Care");
                    var outcome = Item(PfaItem.AscAssessmentOutcome, PfaItemStatus.Done, 1, "Care Act assessment letter");
                    outcome.AscOutcome = AscOutcome.NotEligible;
                    yield return outcome;
                    yield return Item(PfaItem.HousingPathwayInformation, PfaItemStatus.Done, 4, "Housing information pack given");
                }

                break;
            case 5:
                foreach (var item in PfaItems.All.Where(i => PfaChecklist.DefaultDueOn(i, born) <= today && i != PfaItem.EmploymentOrEducationProgramme))
                {
                    var done = Item(item, PfaItemStatus.Done, item is PfaItem.AscEligibilityConsidered or PfaItem.AscReferralMade or PfaItem.AscAssessmentOutcome ? 1 : 0);
                    done.AscOutcome = item == PfaItem.AscAssessmentOutcome ? AscOutcome.Eligible : null;
                    yield return done;
                }

                if (age >= 19)
                {
                    var programme = Item(PfaItem.EmploymentOrEducationProgramme, PfaItemStatus.Done, 2, "Supported internship at Eastmoor General Hospital");
                    programme.ProgrammeStart = today.AddMonths(-14);
                    programme.ProgrammeEnd = today.AddMonths(-3);
                    programme.RetainedEmployment = true;
                    yield return programme;
                }

                break;
            default:
                yield return Item(PfaItem.PlanningStarted, PfaItemStatus.Done, 0);
                if (age >= 17)
                {
                    var programme = Item(PfaItem.EmploymentOrEducationProgramme, PfaItemStatus.InProgress, 2);
                    programme.ProgrammeStart = today.AddMonths(-2);
                    yield return programme;
                }

                break;
        }
    }
}
